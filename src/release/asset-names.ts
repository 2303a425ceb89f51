import { ConfigurationError } from '../core/errors.js';

/**
 * The name GitHub gives an uploaded asset. GitHub documents only that it "renames asset
 * filenames that have special characters, non-alphanumeric characters, and leading or trailing
 * periods"; observed behaviour: every run of characters outside [A-Za-z0-9._+-] becomes one
 * period (`1.2.0~rc.1` → `1.2.0.rc.1`, spaces too), repeated periods collapse, and leading or
 * trailing periods go. Non-ASCII names are transliterated unpredictably, so they are refused.
 */
export function githubAssetName(name: string): string {
  if (/[^\x20-\x7e]/.test(name)) {
    throw new ConfigurationError(`asset name "${name}" has non-ASCII characters, which GitHub rewrites unpredictably`, { fix: 'rename the file to ASCII letters, digits and . _ + -' });
  }
  return name.replace(/[^A-Za-z0-9._+-]+/g, '.').replace(/\.{2,}/g, '.').replace(/^\.+|\.+$/g, '');
}

export interface NamedFile {
  path: string;
  /** The name the asset gets on GitHub. */
  name: string;
  /** True when GitHub would rename the file (the name differs from the file's own). */
  renamed: boolean;
}

/**
 * Checks every asset name before anything is uploaded: the names GitHub will use, and that no
 * two files end up with the same one (which would make one silently replace the other).
 */
export function planAssetNames(files: { path: string; base: string }[]): NamedFile[] {
  const byName = new Map<string, string>();
  const out: NamedFile[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const name = githubAssetName(f.base);
    if (name === '') problems.push(`"${f.path}" has no usable name on GitHub`);
    const other = byName.get(name.toLowerCase());
    if (other !== undefined) problems.push(`"${other}" and "${f.path}" would both be named "${name}" on GitHub`);
    byName.set(name.toLowerCase(), f.path);
    out.push({ path: f.path, name, renamed: name !== f.base });
  }
  if (problems.length) throw new ConfigurationError(`asset names collide: ${problems.join('; ')}`, { fix: 'rename one of the files, or narrow the files globs' });
  return out;
}
