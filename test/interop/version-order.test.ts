import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import semver from 'semver';
import { debVersion, pacmanVersion, rpmVersion } from '../../src/version/formats.js';
import { parseVersion } from '../../src/version/parse.js';
import { requireTool } from '../support/tools.js';

// The real package managers judge whether our version mapping keeps SemVer order: every pair of
// this ascending chain must compare "older" in dpkg, rpm and pacman (libalpm).
const CHAIN = [
  '1.0.0-alpha',
  '1.0.0-alpha.1',
  '1.0.0-alpha.2',
  '1.0.0-alpha.10',
  '1.0.0-beta',
  '1.0.0-beta.2',
  '1.0.0-beta.11',
  '1.0.0-rc.1',
  '1.0.0-rc.1.dev.3+gabc1234', // snapshot of a commit after rc.1
  '1.0.0-rc.2',
  '1.0.0',
  '1.0.0+g1a2b', // build metadata: SemVer says equal, packages must still upgrade
  '1.0.1-dev.1+gabc1234', // snapshot of a commit after 1.0.0
  '1.0.1-rc.1',
  '1.0.1',
  '1.1.0',
  '1.10.0',
  '2.0.0-rc.1',
  '2.0.0',
];

const PAIRS = CHAIN.flatMap((a, i) => CHAIN.slice(i + 1).map((b) => [a, b] as const));
// dpkg costs a process per comparison and its order is total, so neighbours are enough there.
const NEIGHBOURS = CHAIN.slice(1).map((b, i) => [CHAIN[i]!, b] as const);
const p = (s: string) => parseVersion(s);

it('the chain is in SemVer order (build metadata after its release)', () => {
  const sorted = [...CHAIN].sort(semver.compareBuild);
  expect(sorted).toEqual(CHAIN);
});

describe('dpkg', () => {
  const dpkg = (...args: string[]) => spawnSync('dpkg', args, { encoding: 'utf8' });

  it('accepts every mapped version', () => {
    if (!requireTool('dpkg')) return;
    for (const v of [...CHAIN, '1.2.0-1', '1.2.0-0.3.7']) {
      const deb = debVersion(p(v));
      expect([deb, dpkg('--validate-version', deb).status]).toEqual([deb, 0]);
    }
    expect(dpkg('--validate-version', debVersion(p('1.2.0'), { epoch: 2, release: '2ubuntu1' })).status).toBe(0);
  });

  it.each(NEIGHBOURS)('%s < %s', (a, b) => {
    if (!requireTool('dpkg')) return;
    const [da, db] = [debVersion(p(a)), debVersion(p(b))];
    expect([da, db, dpkg('--compare-versions', da, 'lt', db).status]).toEqual([da, db, 0]);
    expect(dpkg('--compare-versions', db, 'gt', da).status).toBe(0);
  });

  it.each([
    // numeric prereleases (refused for pacman) still order right in dpkg
    ['1.2.0-1', '1.2.0-2'],
    ['1.2.0-2', '1.2.0-alpha'],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta'],
  ])('%s < %s (mixed numeric/alphabetic prereleases)', (a, b) => {
    if (!requireTool('dpkg')) return;
    expect(dpkg('--compare-versions', debVersion(p(a)), 'lt', debVersion(p(b))).status).toBe(0);
  });

  it('release and epoch order', () => {
    if (!requireTool('dpkg')) return;
    expect(dpkg('--compare-versions', debVersion(p('1.0.0'), { release: 1 }), 'lt', debVersion(p('1.0.0'), { release: 2 })).status).toBe(0);
    expect(dpkg('--compare-versions', debVersion(p('2.0.0')), 'lt', debVersion(p('1.0.0'), { epoch: 1 })).status).toBe(0);
  });
});

/** rpm.vercmp over EVR strings, every pair in one rpm process. */
function rpmCompare(pairs: (readonly [string, string])[]): number[] {
  const evr = (s: string) => {
    const r = rpmVersion(p(s));
    return `${r.version}-${r.release}`;
  };
  const list = pairs.map(([a, b]) => `{"${evr(a)}","${evr(b)}"}`).join(',');
  const out = execFileSync('rpm', ['--eval', `%{lua: for _, q in ipairs({${list}}) do print(rpm.vercmp(q[1], q[2])); print(" ") end}`], { encoding: 'utf8' });
  return out.trim().split(/\s+/).map(Number);
}

describe('rpm', () => {
  it('keeps the chain in order', () => {
    if (!requireTool('rpm')) return;
    const results = rpmCompare(PAIRS);
    expect(results).toHaveLength(PAIRS.length);
    const wrong = PAIRS.filter((_, i) => results[i] !== -1).map(([a, b]) => `${a} vs ${b}`);
    expect(wrong).toEqual([]);
    expect(rpmCompare(PAIRS.map(([a, b]) => [b, a] as const)).every((r) => r === 1)).toBe(true);
  });

  it('known divergence: rpm ranks a numeric identifier above an alphabetic one, SemVer below', () => {
    if (!requireTool('rpm')) return;
    // Documented in formats.ts; if rpm ever changes, this tells us.
    expect(rpmCompare([['1.0.0-alpha.1', '1.0.0-alpha.beta'], ['1.0.0-1', '1.0.0-alpha']])).toEqual([1, 1]);
  });
});

/** alpm_pkg_vercmp from libalpm (Debian: libalpm13), called through python3 ctypes; undefined if unavailable. */
function alpmCompare(pairs: (readonly [string, string])[]): number[] | undefined {
  if (!requireTool('python3')) return undefined;
  const script = [
    'import ctypes, json, sys',
    'lib = ctypes.CDLL("libalpm.so.13")',
    'lib.alpm_pkg_vercmp.argtypes = [ctypes.c_char_p, ctypes.c_char_p]',
    'print(json.dumps([lib.alpm_pkg_vercmp(a.encode(), b.encode()) for a, b in json.load(sys.stdin)]))',
  ].join('\n');
  const mapped = pairs.map(([a, b]) => [pacmanVersion(p(a)), pacmanVersion(p(b))]);
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(mapped), encoding: 'utf8' });
  if (r.status !== 0) {
    if (process.env.CI === 'true') throw new Error(`libalpm is not available (install libalpm13): ${r.stderr}`);
    console.warn('skipping: libalpm.so.13 is not installed');
    return undefined;
  }
  return JSON.parse(r.stdout) as number[];
}

describe('pacman (libalpm vercmp)', () => {
  it('keeps the chain in order', () => {
    const results = alpmCompare(PAIRS);
    if (!results) return;
    const wrong = PAIRS.filter((_, i) => results[i] !== -1).map(([a, b]) => `${pacmanVersion(p(a))} vs ${pacmanVersion(p(b))}`);
    expect(wrong).toEqual([]);
  });

  it('a separator before the prerelease would sort it after the release (why we glue it on)', () => {
    const results = alpmCompare([['1.0.0-rc.1', '1.0.0']]);
    if (!results) return;
    expect(results).toEqual([-1]);
    const r = spawnSync('python3', ['-c', 'import ctypes; l = ctypes.CDLL("libalpm.so.13"); print(l.alpm_pkg_vercmp(b"1.0.0_rc.1", b"1.0.0"))'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('1');
  });

  it('known divergence: pacman ranks a numeric identifier above an alphabetic one, SemVer below', () => {
    const results = alpmCompare([['1.0.0-alpha.1', '1.0.0-alpha.beta']]);
    if (!results) return;
    expect(results).toEqual([1]);
  });
});
