import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RpmScripts } from '../../config/types.js';
import { ConfigurationError } from '../../core/errors.js';
import type { ResolvedScripts } from '../types.js';
import type { Dependency } from './deps.js';
import type { HeaderBuilder } from './header.js';
import { SENSE, TAG } from './tags.js';

/** All scriptlets an rpm may carry from the config: the four common ones plus rpm.scripts. */
export type RpmScriptSet = ResolvedScripts & { pretrans?: string; posttrans?: string };

interface Slot {
  key: keyof RpmScriptSet;
  body: number;
  prog: number;
  /** Flag of the interpreter dependency, so installers order the interpreter first. */
  sense: number;
}

/** Config key → rpm scriptlet (%pre, %post, %preun, %postun, %pretrans, %posttrans). */
const SLOTS: Slot[] = [
  { key: 'preinstall', body: TAG.PREIN, prog: TAG.PREINPROG, sense: SENSE.SCRIPT_PRE },
  { key: 'postinstall', body: TAG.POSTIN, prog: TAG.POSTINPROG, sense: SENSE.SCRIPT_POST },
  { key: 'preremove', body: TAG.PREUN, prog: TAG.PREUNPROG, sense: SENSE.SCRIPT_PREUN },
  { key: 'postremove', body: TAG.POSTUN, prog: TAG.POSTUNPROG, sense: SENSE.SCRIPT_POSTUN },
  { key: 'pretrans', body: TAG.PRETRANS, prog: TAG.PRETRANSPROG, sense: SENSE.PRETRANS },
  { key: 'posttrans', body: TAG.POSTTRANS, prog: TAG.POSTTRANSPROG, sense: SENSE.POSTTRANS },
];

/**
 * The interpreter of a script from its `#!` line, split into program and arguments the way
 * rpm runs it (`/bin/sh -e <scriptfile> $1`). `#!/usr/bin/env bash` gives ['/usr/bin/env', 'bash'].
 */
export function interpreter(script: string, where?: { file: string; field: string }): string[] {
  const first = script.split('\n', 1)[0] ?? '';
  const words = first.startsWith('#!') ? first.slice(2).trim().split(/\s+/).filter(Boolean) : [];
  if (words.length === 0 || !words[0]!.startsWith('/')) {
    throw new ConfigurationError(`the script's first line "${first}" does not name an interpreter by absolute path`, { location: where, fix: 'start the script with a line such as #!/bin/sh' });
  }
  return words;
}

/**
 * Adds every scriptlet (body + interpreter) to the header and returns the interpreter
 * requirements rpmbuild would add (`Requires(post): /bin/sh`).
 */
export function addScriptlets(h: HeaderBuilder, scripts: RpmScriptSet, file: string): Dependency[] {
  const deps: Dependency[] = [];
  for (const slot of SLOTS) {
    const body = scripts[slot.key];
    if (body === undefined) continue;
    const field = slot.key === 'pretrans' || slot.key === 'posttrans' ? `rpm.scripts.${slot.key}` : `scripts.${slot.key}`;
    const prog = interpreter(body, { file, field });
    h.string(slot.body, body);
    // rpmbuild writes a plain string for a bare interpreter and an array when it has arguments.
    if (prog.length === 1) h.string(slot.prog, prog[0]!);
    else h.strings(slot.prog, prog);
    deps.push({ name: prog[0]!, flags: SENSE.INTERP | slot.sense, version: '' });
  }
  return deps;
}

/**
 * Reads `rpm.scripts` (pretrans/posttrans) relative to the base directory, with the same rules
 * as the common scripts: LF line endings, a `#!` line required.
 */
export async function readRpmScripts(scripts: RpmScripts | undefined, baseDir: string, file: string): Promise<Pick<RpmScriptSet, 'pretrans' | 'posttrans'>> {
  const out: Pick<RpmScriptSet, 'pretrans' | 'posttrans'> = {};
  for (const key of ['pretrans', 'posttrans'] as const) {
    const rel = scripts?.[key];
    if (!rel) continue;
    const location = { file, field: `rpm.scripts.${key}` };
    let text: string;
    try {
      text = await readFile(resolve(baseDir, rel), 'utf8');
    } catch {
      throw new ConfigurationError(`script "${rel}" does not exist`, { location, fix: 'the path is relative to the repository root' });
    }
    text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    if (!text.startsWith('#!')) throw new ConfigurationError(`script "${rel}" does not start with "#!"`, { location, fix: 'make the first line an interpreter line such as #!/bin/sh' });
    out[key] = text;
  }
  return out;
}
