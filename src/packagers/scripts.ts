import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Scripts } from '../config/types.js';
import { ConfigurationError } from '../core/errors.js';
import type { ResolvedScripts } from './types.js';

const KEYS: (keyof Scripts)[] = ['preinstall', 'postinstall', 'preremove', 'postremove'];

/**
 * Reads the maintainer scripts named in the config. CRLF endings (a Windows checkout) are
 * normalised, because `/bin/sh\r` does not exist; a script without `#!` cannot be executed.
 */
export async function readScripts(
  scripts: Scripts | undefined,
  baseDir: string,
  file: string,
  fieldPrefix = 'scripts',
  locate?: (pointer: string) => { line: number; column: number } | undefined,
): Promise<ResolvedScripts> {
  const out: ResolvedScripts = {};
  for (const key of KEYS) {
    const rel = scripts?.[key];
    if (!rel) continue;
    const at = locate?.(`/${fieldPrefix.replace(/\./g, '/')}/${key}`);
    const location = { file, line: at?.line, column: at?.column, field: `${fieldPrefix}.${key}` };
    let text: string;
    try {
      text = await readFile(resolve(baseDir, rel), 'utf8');
    } catch {
      throw new ConfigurationError(`script "${rel}" does not exist`, { location, fix: `relative paths start at the working directory (${baseDir})` });
    }
    text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    if (!text.startsWith('#!')) throw new ConfigurationError(`script "${rel}" does not start with "#!"`, { location, fix: 'make the first line an interpreter line such as #!/bin/sh' });
    out[key] = text;
  }
  return out;
}
