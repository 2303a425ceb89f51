/** "Did you mean …?" for unknown keys, enum values and template variables. */

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (`dts` → `dst` is 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      const prev = d[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Names people reach for from other tools (nfpm's plural forms, Debian's control names,
 * rpm's spec names, npm's package.json). Each maps to candidates in order of preference;
 * the first one that is allowed where the typo sits wins.
 */
const COMMON_TYPOS: Record<string, string[]> = {
  dependencies: ['depends'],
  dependency: ['depends'],
  depend: ['depends'],
  deps: ['depends'],
  requires: ['depends'],
  require: ['depends'],
  recommended: ['recommends'],
  recommendations: ['recommends'],
  obsoletes: ['replaces'],
  maintainers: ['maintainer'],
  author: ['maintainer'],
  authors: ['maintainer'],
  url: ['homepage'],
  website: ['homepage'],
  home: ['homepage'],
  licence: ['license'],
  licenses: ['license'],
  desc: ['description'],
  synopsis: ['summary'],
  revision: ['release'],
  iteration: ['release'],
  files: ['contents'],
  file: ['contents'],
  content: ['contents'],
  targets: ['platforms'],
  architectures: ['arch', 'platforms'],
  architecture: ['arch', 'platforms'],
  archs: ['arch', 'platforms'],
  arches: ['arch', 'platforms'],
  goarch: ['arch'],
  goos: ['os'],
  hooks: ['scripts'],
  preinst: ['preinstall'],
  postinst: ['postinstall'],
  prerm: ['preremove'],
  postrm: ['postremove'],
  pre_install: ['preinstall'],
  post_install: ['postinstall'],
  pre_remove: ['preremove'],
  post_remove: ['postremove'],
  source: ['src'],
  from: ['src'],
  destination: ['dst'],
  dest: ['dst'],
  to: ['dst'],
  fileinfo: ['file_info'],
  'file-info': ['file_info'],
  fileInfo: ['file_info'],
  permissions: ['file_info'],
  override: ['overrides'],
  brew: ['homebrew'],
  choco: ['chocolatey'],
  archlinux: ['aur'],
  dnf: ['yum'],
  oci: ['docker'],
};

/** Keys that exist, but one level down: `mode` inside a contents entry belongs under file_info. */
const MISPLACED: Record<string, string[]> = {
  mode: ['file_info'],
  owner: ['file_info'],
  group: ['file_info'],
  compression: ['deb', 'rpm'],
  section: ['deb'],
  priority: ['deb'],
  fields: ['deb'],
  prefixes: ['rpm'],
  os: ['platforms'],
  arch: ['platforms'],
};

export interface Suggestion {
  /** The allowed name the user probably meant. */
  name?: string;
  /** For keys that exist one level down (`mode` in a contents entry): the blocks they belong under. */
  under?: string[];
}

/** The closest allowed name, if one is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase) return sameCase;
  // A cut-off word (`conf`, `desc`) names the value it starts.
  const prefixed = lower.length >= 3 ? candidates.find((c) => c.toLowerCase().startsWith(lower)) : undefined;
  if (prefixed) return prefixed;
  // A word that extends an allowed one (`debian` for `deb`, `releases` for `release`).
  const extended = candidates.filter((c) => c.length >= 3 && lower.startsWith(c.toLowerCase())).sort((a, b) => b.length - a.length)[0];
  if (extended) return extended;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(lower, c.toLowerCase());
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  // Short words get one edit, longer ones two: `os` must not "mean" `to`.
  const limit = word.length <= 4 ? 1 : 2;
  return bestDistance <= limit ? best : undefined;
}

export function suggestKey(word: string, candidates: readonly string[]): Suggestion {
  const typo = COMMON_TYPOS[word] ?? COMMON_TYPOS[word.toLowerCase()];
  const known = typo?.find((t) => candidates.includes(t));
  if (known) return { name: known };
  const near = closest(word, candidates);
  if (near) return { name: near };
  const under = MISPLACED[word]?.filter((block) => candidates.includes(block));
  return under && under.length > 0 ? { under } : {};
}
