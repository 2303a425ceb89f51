import { glob, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { sha256File } from '../build/checksum.js';
import { ConfigurationError } from '../core/errors.js';
import { planAssetNames } from './asset-names.js';

export interface LocalAsset {
  path: string;
  name: string;
  size: number;
  sha256: string;
  renamed: boolean;
}

/**
 * The files to attach: every line of `files` is a path or a glob relative to the working
 * directory. A pattern that matches nothing is an error (a build step upstream failed quietly),
 * and so are names GitHub would merge.
 */
export async function localAssets(patterns: string[], cwd: string): Promise<LocalAsset[]> {
  const found = new Map<string, string>();
  for (const pattern of patterns) {
    let n = 0;
    for await (const m of glob(pattern, { cwd })) {
      const abs = resolve(cwd, m);
      if (!(await stat(abs)).isFile()) continue;
      found.set(abs, m.split('\\').join('/'));
      n++;
    }
    if (n === 0) throw new ConfigurationError(`no file matches "${pattern}"`, { location: { file: 'workflow', field: 'files' }, fix: 'check the path (relative to the working directory) and that the step that makes the file ran' });
  }
  const named = planAssetNames([...found].map(([abs, shown]) => ({ path: shown, base: basename(abs) })));
  const out: LocalAsset[] = [];
  for (const [i, [abs]] of [...found].entries()) {
    const n = named[i]!;
    out.push({ path: abs, name: n.name, size: (await stat(abs)).size, sha256: await sha256File(abs), renamed: n.renamed });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
