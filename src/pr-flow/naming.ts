// Deterministic names: a rerun for the same package and version must arrive at the same branch,
// so it finds (and updates, or leaves alone) the work of the run before it.

/** One path component of a branch name: characters git refuses become "-", no leading/trailing dots. */
export function refComponent(text: string): string {
  let s = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._+-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '');
  if (s.endsWith('.lock')) s = `${s.slice(0, -5)}-lock`;
  return s === '' ? 'x' : s;
}

/**
 * `package-actions/<channel>/<package>-<version>`, e.g. `package-actions/homebrew/servin-0.9.2`.
 * The channel prefix keeps channels that share a fork (several Scoop buckets, say) apart.
 */
export function branchName(channel: string, pkg: string, version: string): string {
  return `package-actions/${refComponent(channel)}/${refComponent(`${pkg}-${version}`)}`;
}

/** git check-ref-format's rules for a branch name (refs/heads/<name>). */
export function isValidBranchName(name: string): boolean {
  if (name === '' || name === '@' || name.startsWith('/') || name.endsWith('/') || name.endsWith('.') || name.startsWith('-')) return false;
  if (name.includes('..') || name.includes('//') || name.includes('@{')) return false;
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || ' ~^:?*[\\'.includes(c))) return false;
  return name.split('/').every((part) => !part.startsWith('.') && !part.endsWith('.lock'));
}
