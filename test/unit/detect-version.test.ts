import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../src/core/errors.js';
import { CliIO } from '../../src/core/io-cli.js';
import { runAction } from '../../src/core/run.js';
import { makeDetectVersionAction } from '../../src/actions/detect-version/definition.js';
import { detectVersion, isReleaseTag, type DetectOptions } from '../../src/version/detect.js';
import type { Describe, GitPort } from '../../src/version/git.js';

class FakeGit implements GitPort {
  describeCalls: string[][] = [];
  constructor(
    private readonly repo: { head?: string[]; all?: string[]; nearest?: Describe; shallow?: boolean } = {},
  ) {}
  async tagsAtHead() {
    return this.repo.head ?? [];
  }
  async describe(match: string[]) {
    this.describeCalls.push(match);
    return this.repo.nearest;
  }
  async tags() {
    return this.repo.all ?? this.repo.head ?? [];
  }
  async isShallow() {
    return this.repo.shallow ?? false;
  }
}

function logger() {
  const lines: string[] = [];
  return {
    lines,
    log: { info: (m: string) => lines.push(`info: ${m}`), warning: (m: string) => lines.push(`warning: ${m}`), debug: () => {} },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'detect-version-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function opts(over: Partial<DetectOptions> = {}): DetectOptions {
  return { tagPrefix: 'v', source: 'auto', versionFile: 'VERSION', allowNonSemver: false, release: '1', env: {}, cwd: dir, git: new FakeGit(), log: logger().log, ...over };
}

const TAG_PUSH = { GITHUB_REF: 'refs/tags/v1.2.0' };
const BRANCH = { GITHUB_REF: 'refs/heads/main' };

describe('source precedence (auto)', () => {
  it.each([
    ['explicit input beats everything', { version: '3.0.0', env: TAG_PUSH, head: ['v2.0.0'], file: '4.0.0' }, '3.0.0', 'input', 'v3.0.0'],
    ['input given with its prefix keeps it as the tag', { version: 'v3.0.0', env: TAG_PUSH }, '3.0.0', 'input', 'v3.0.0'],
    ['pushed tag beats HEAD tags and the file', { env: TAG_PUSH, head: ['v2.0.0'], file: '4.0.0' }, '1.2.0', 'ref', 'v1.2.0'],
    ['tag on HEAD beats the file', { env: BRANCH, head: ['v2.0.0'], file: '4.0.0' }, '2.0.0', 'git', 'v2.0.0'],
    ['highest of several tags on HEAD', { env: BRANCH, head: ['v2.0.0-rc.3', 'v2.0.0', 'nightly'] }, '2.0.0', 'git', 'v2.0.0'],
    ['a non-semver tag on HEAD is skipped when a SemVer one is there', { head: ['v2.0', 'v2.0.0'] }, '2.0.0', 'git', 'v2.0.0'],
    ['the file beats a snapshot', { env: BRANCH, nearest: { tag: 'v1.0.0', distance: 3, commit: 'abc1234' }, file: '# comment\n\n4.0.0\n' }, '4.0.0', 'file', 'v4.0.0'],
    ['snapshot after a stable tag', { nearest: { tag: 'v1.0.0', distance: 3, commit: 'abc1234' } }, '1.0.1-dev.3+gabc1234', 'git', ''],
    ['snapshot after a prerelease tag', { nearest: { tag: 'v2.0.0-rc.1', distance: 1, commit: 'abc1234' } }, '2.0.0-rc.1.dev.1+gabc1234', 'git', ''],
    ['a tag not matching the prefix is ignored in auto', { env: { GITHUB_REF: 'refs/tags/docs-1' }, file: '4.0.0' }, '4.0.0', 'file', 'v4.0.0'],
    ['bare tags count with the default prefix', { env: { GITHUB_REF: 'refs/tags/1.5.0' } }, '1.5.0', 'ref', '1.5.0'],
  ])('%s', async (_name, c: { version?: string; env?: Record<string, string>; head?: string[]; file?: string; nearest?: Describe }, version, origin, tag) => {
    if (c.file !== undefined) await writeFile(path.join(dir, 'VERSION'), c.file);
    const d = await detectVersion(opts({ version: c.version, env: c.env ?? {}, git: new FakeGit({ head: c.head, nearest: c.nearest }) }));
    expect([d.parsed.version, d.origin, d.tag]).toEqual([version, origin, tag]);
    expect(d.snapshot).toBe(tag === '' );
  });

  it('warns about a snapshot and tells how to release', async () => {
    const { lines, log } = logger();
    const d = await detectVersion(opts({ log, git: new FakeGit({ nearest: { tag: 'v1.0.0', distance: 1, commit: 'abc1234' } }) }));
    expect(d.parsed.isPrerelease).toBe(true);
    expect(lines.join('\n')).toContain('HEAD is not tagged; using the snapshot version 1.0.1-dev.1+gabc1234 (1 commit after v1.0.0). Push a tag such as v1.0.1 to release.');
  });

  it('asks describe for prefixed and, with the default prefix, bare tags; a custom prefix is matched literally', async () => {
    const git = new FakeGit();
    await expect(detectVersion(opts({ git }))).rejects.toThrow(ConfigurationError);
    const custom = new FakeGit();
    await expect(detectVersion(opts({ git: custom, tagPrefix: 'cli[x]/v' }))).rejects.toThrow(ConfigurationError);
    expect(git.describeCalls).toEqual([['v[0-9]*', '[0-9]*']]);
    expect(custom.describeCalls).toEqual([['cli\\[x\\]/v[0-9]*']]);
  });
});

describe('explicit sources', () => {
  it('ref refuses a branch push', async () => {
    await expect(detectVersion(opts({ source: 'ref', env: BRANCH, git: new FakeGit({ head: ['v1.0.0'] }) }))).rejects.toThrow('source is "ref" but GITHUB_REF is "refs/heads/main", not a tag');
  });
  it('ref refuses a tag without the prefix', async () => {
    await expect(detectVersion(opts({ source: 'ref', env: { GITHUB_REF: 'refs/tags/cli/v1.0.0' } }))).rejects.toThrow(/does not start with tag-prefix "v"/);
  });
  it('ref with a custom prefix', async () => {
    const d = await detectVersion(opts({ source: 'ref', tagPrefix: 'cli/v', env: { GITHUB_REF: 'refs/tags/cli/v1.0.0' } }));
    expect([d.parsed.version, d.tag]).toEqual(['1.0.0', 'cli/v1.0.0']);
  });
  it('file ignores tags', async () => {
    await writeFile(path.join(dir, 'VERSION'), '2.1.0');
    const d = await detectVersion(opts({ source: 'file', env: TAG_PUSH, git: new FakeGit({ head: ['v9.0.0'] }) }));
    expect([d.parsed.version, d.origin]).toEqual(['2.1.0', 'file']);
  });
  it('file reports a missing file', async () => {
    await expect(detectVersion(opts({ source: 'file', versionFile: 'pkg/VERSION' }))).rejects.toThrow('cannot read the version file pkg/VERSION: ENOENT');
  });
  it('file points at the bad line', async () => {
    await writeFile(path.join(dir, 'VERSION'), '# the version\nversion 2\n');
    const err = await detectVersion(opts({ source: 'file' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as ConfigurationError).location).toEqual({ file: 'VERSION', line: 2 });
  });
  it('git ignores the pushed tag and the file', async () => {
    await writeFile(path.join(dir, 'VERSION'), '2.1.0');
    const d = await detectVersion(opts({ source: 'git', env: TAG_PUSH, git: new FakeGit({ head: ['v9.0.0'] }) }));
    expect([d.parsed.version, d.origin]).toEqual(['9.0.0', 'git']);
  });
  it('a pushed non-semver tag fails with the SemVer explanation', async () => {
    await expect(detectVersion(opts({ env: { GITHUB_REF: 'refs/tags/v1.2' } }))).rejects.toThrow(/is not a semantic version/);
  });
  it('nothing found: says what to do, and mentions fetch-depth in a shallow clone', async () => {
    const err = (await detectVersion(opts({ git: new FakeGit({ shallow: true }) })).catch((e: unknown) => e)) as ConfigurationError;
    expect(err.message).toBe('no version found (source: auto)');
    expect(err.fix).toContain('push a release tag such as v1.2.3');
    expect(err.fix).toContain('fetch-depth: 0');
  });
});

describe('derived values', () => {
  const ALL = ['v1.0.0', 'v1.1.0', 'v1.2.0-rc.1', 'v1.2.0', 'v2.0.0-rc.1', 'docs', 'v1.1.0'];
  it('computes mappings, previous version, latest and docker tags from the tags', async () => {
    const d = await detectVersion(opts({ env: TAG_PUSH, release: '2', git: new FakeGit({ all: ALL }) }));
    expect(d).toMatchObject({
      debVersion: '1.2.0-2',
      rpm: { version: '1.2.0', release: '2' },
      previousVersion: '1.1.0',
      isLatest: true,
      dockerTags: ['1.2.0', '1.2', '1', 'latest'],
      releases: ['2.0.0-rc.1', '1.2.0', '1.2.0-rc.1', '1.1.0', '1.0.0'],
    });
  });
  it('a backport is not latest', async () => {
    const d = await detectVersion(opts({ version: '1.1.1', git: new FakeGit({ all: ALL }) }));
    expect([d.isLatest, d.dockerTags, d.previousVersion]).toEqual([false, ['1.1.1', '1.1'], '1.1.0']);
  });
  it('warns when a shallow clone has at most one release tag', async () => {
    const { lines, log } = logger();
    await detectVersion(opts({ env: TAG_PUSH, log, git: new FakeGit({ all: ['v1.2.0'], shallow: true }) }));
    expect(lines.join('\n')).toMatch(/warning: only 1 release tag is in this shallow clone.*fetch-depth: 0/);
  });
  it('does not warn in a full clone', async () => {
    const { lines, log } = logger();
    await detectVersion(opts({ env: TAG_PUSH, log, git: new FakeGit({ all: ['v1.2.0'] }) }));
    expect(lines.filter((l) => l.startsWith('warning'))).toEqual([]);
  });
  it('a non-semver version gets the mappings that fit and warnings for the rest', async () => {
    const { lines, log } = logger();
    const d = await detectVersion(opts({ version: 'nightly', allowNonSemver: true, log }));
    expect([d.debVersion, d.rpm.version, d.dockerTags, d.isLatest, d.previousVersion]).toEqual(['', 'nightly', ['nightly'], false, '']);
    expect(lines.some((l) => l.startsWith('warning: deb-version: version "nightly" cannot be used for deb'))).toBe(true);
  });
  it('a bad release is a configuration error even for SemVer', async () => {
    await expect(detectVersion(opts({ version: '1.0.0', release: '1-1' }))).rejects.toThrow(/revision "1-1"/);
  });
});

describe('isReleaseTag', () => {
  it.each([
    ['v1.2.3', 'v', true],
    ['1.2.3', 'v', true],
    ['vendor', 'v', false],
    ['cli/v1.0.0', 'cli/v', true],
    ['1.0.0', 'cli/v', false],
    ['v1.0.0', 'cli/v', false],
  ])('%s with prefix %s → %s', (tag, prefix, expected) => {
    expect(isReleaseTag(tag, prefix)).toBe(expected);
  });
});

describe('detect-version action', () => {
  async function run(inputs: Record<string, string>, env: Record<string, string>, git: GitPort) {
    const out: string[] = [];
    const io = new CliIO(new Map(Object.entries(inputs)), { write: (s) => out.push(s) });
    const action = makeDetectVersionAction(() => git);
    const outputs = await runAction(action, io, env, dir);
    return { outputs, io, log: out.join('') };
  }

  it('sets every declared output', async () => {
    const { outputs, log } = await run({}, { GITHUB_REF: 'refs/tags/v1.2.0-rc.1' }, new FakeGit({ all: ['v1.1.0', 'v1.2.0-rc.1'] }));
    expect(outputs).toEqual({
      version: '1.2.0-rc.1',
      major: '1',
      minor: '2',
      patch: '0',
      prerelease: 'rc.1',
      'is-prerelease': 'true',
      'deb-version': '1.2.0~rc.1-1',
      'rpm-version': '1.2.0~rc.1',
      'rpm-release': '1',
      'docker-tags': '["1.2.0-rc.1"]',
      'previous-version': '1.1.0',
      'is-latest': 'false',
      tag: 'v1.2.0-rc.1',
      source: 'ref',
    });
    expect(Object.keys(outputs!).sort()).toEqual(Object.keys(makeDetectVersionAction().outputs).sort());
    expect(log).toContain('== Detect version');
    expect(log).toMatch(/deb-version\s+1\.2\.0~rc\.1-1/);
  });

  it('passes inputs through', async () => {
    const { outputs } = await run({ version: 'cli/v2.0.0', 'tag-prefix': 'cli/v', release: '3' }, {}, new FakeGit());
    expect(outputs).toMatchObject({ version: '2.0.0', tag: 'cli/v2.0.0', 'deb-version': '2.0.0-3', 'rpm-release': '3', source: 'input' });
  });

  it('fails on a bad source with an annotation, not a stack', async () => {
    const previous = process.exitCode;
    const { outputs, log } = await run({ source: 'tags' }, {}, new FakeGit());
    process.exitCode = previous;
    expect(outputs).toBeUndefined();
    expect(log).toContain('input "source" must be one of auto, ref, git, file, not "tags"');
    expect(log).not.toContain('internal error');
  });

  it('fails on a non-semver version unless allowed', async () => {
    const previous = process.exitCode;
    const bad = await run({ version: '2024.01.05' }, {}, new FakeGit());
    process.exitCode = previous;
    expect(bad.outputs).toBeUndefined();
    expect(bad.log).toContain('fix: tag releases as v1.2.3');
    const ok = await run({ version: '2024.01.05', 'allow-non-semver': 'true' }, {}, new FakeGit());
    expect(ok.outputs).toMatchObject({ version: '2024.01.05', 'deb-version': '2024.01.05-1', major: '2024', minor: '1', patch: '5' });
  });
});
