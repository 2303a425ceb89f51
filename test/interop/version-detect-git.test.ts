import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigurationError } from '../../src/core/errors.js';
import { detectVersion, type DetectOptions } from '../../src/version/detect.js';
import { ExecGit } from '../../src/version/git.js';
import { requireTool } from '../support/tools.js';

// detect-version against real git repositories: tags at HEAD, snapshots from `git describe`,
// annotated and lightweight tags, a monorepo prefix, a shallow clone, and no repository at all.

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull, GIT_TERMINAL_PROMPT: '0' };
const CONFIG = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main'];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...CONFIG, ...args], { cwd, env: ENV, encoding: 'utf8' }).trim();
}

let root: string;
let n = 0;
const saved = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM };
function commit(repo: string): void {
  writeFileSync(path.join(repo, 'file.txt'), `change ${++n}\n`);
  git(repo, 'add', 'file.txt');
  git(repo, 'commit', '-q', '-m', `change ${n}`);
}
function newRepo(name: string): string {
  const repo = path.join(root, name);
  execFileSync('git', [...CONFIG, 'init', '-q', repo], { env: ENV });
  return repo;
}

function lines() {
  const out: string[] = [];
  return { out, log: { info: (m: string) => out.push(`info: ${m}`), warning: (m: string) => out.push(`warning: ${m}`), debug: () => {} } };
}

function detect(cwd: string, over: Partial<DetectOptions> = {}) {
  const l = lines();
  const promise = detectVersion({ tagPrefix: 'v', source: 'auto', versionFile: 'VERSION', allowNonSemver: false, release: '1', env: {}, cwd, git: new ExecGit(cwd), log: l.log, ...over });
  return { promise, out: l.out };
}

const available = () => requireTool('git');

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'detect-git-'));
  // GIT_CONFIG_GLOBAL=/dev/null keeps the developer's config out; ExecGit inherits it through process.env.
  process.env.GIT_CONFIG_GLOBAL = os.devNull;
  process.env.GIT_CONFIG_NOSYSTEM = '1';
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  for (const [key, value] of [['GIT_CONFIG_GLOBAL', saved.global], ['GIT_CONFIG_NOSYSTEM', saved.nosystem]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('a repository with release history', () => {
  let repo: string;
  beforeAll(() => {
    if (!available()) return;
    repo = newRepo('history');
    commit(repo);
    git(repo, 'tag', 'v1.0.0');
    commit(repo);
    git(repo, 'tag', '-a', '-m', 'release 1.1.0', 'v1.1.0');
    commit(repo);
    git(repo, 'tag', 'v1.2.0-rc.1');
    git(repo, 'tag', 'docs-2024');
    commit(repo);
    git(repo, 'tag', 'v1.2.0-rc.2');
    git(repo, 'tag', '-a', '-m', 'release 1.2.0', 'v1.2.0'); // same commit as rc.2
  });

  it('uses the highest release tag on HEAD', async () => {
    if (!available()) return;
    const d = await detect(repo).promise;
    expect(d).toMatchObject({ origin: 'git', tag: 'v1.2.0', snapshot: false, previousVersion: '1.1.0', isLatest: true, debVersion: '1.2.0-1' });
    expect(d.releases).toEqual(['1.2.0', '1.2.0-rc.2', '1.2.0-rc.1', '1.1.0', '1.0.0']);
    expect(d.dockerTags).toEqual(['1.2.0', '1.2', '1', 'latest']);
  });

  it('checked out at an older tag: not latest, and its own previous version', async () => {
    if (!available()) return;
    const wt = path.join(root, 'old-checkout');
    git(repo, 'worktree', 'add', '-q', '--detach', wt, 'v1.1.0');
    const d = await detect(wt).promise;
    expect(d).toMatchObject({ tag: 'v1.1.0', previousVersion: '1.0.0', isLatest: false, dockerTags: ['1.1.0', '1.1'] });
  });

  it('a pushed tag in GITHUB_REF wins over HEAD', async () => {
    if (!available()) return;
    const d = await detect(repo, { env: { GITHUB_REF: 'refs/tags/v1.2.0-rc.2' } }).promise;
    expect(d).toMatchObject({ origin: 'ref', tag: 'v1.2.0-rc.2', previousVersion: '1.2.0-rc.1', isLatest: false, dockerTags: ['1.2.0-rc.2'] });
  });

  it('untagged HEAD: a snapshot version after the nearest tag, named after HEAD', async () => {
    if (!available()) return;
    const wt = path.join(root, 'snapshot');
    git(repo, 'worktree', 'add', '-q', '--detach', wt, 'v1.2.0');
    commit(wt);
    commit(wt);
    git(wt, 'tag', 'vendor-drop'); // starts with the prefix but is no release: describe must not stop at it
    const sha = git(wt, 'rev-parse', '--short=7', 'HEAD');
    const { promise, out } = detect(wt);
    const d = await promise;
    expect(d).toMatchObject({ origin: 'git', tag: '', snapshot: true });
    expect(d.parsed.version).toBe(`1.2.1-dev.2+g${sha}`);
    expect(d.debVersion).toBe(`1.2.1~dev.2+g${sha}-1`);
    expect(d.isLatest).toBe(false);
    expect(out.join('\n')).toContain('HEAD is not tagged');
  });

  it('source: file ignores the tags', async () => {
    if (!available()) return;
    writeFileSync(path.join(repo, 'VERSION'), '9.9.9\n');
    try {
      const d = await detect(repo, { source: 'file' }).promise;
      expect(d).toMatchObject({ origin: 'file', tag: 'v9.9.9', previousVersion: '1.2.0', isLatest: true });
    } finally {
      rmSync(path.join(repo, 'VERSION'));
    }
  });
});

describe('a monorepo with a tag prefix per component', () => {
  it('reads only its own tags', async () => {
    if (!available()) return;
    const repo = newRepo('mono');
    commit(repo);
    git(repo, 'tag', 'cli/v1.0.0');
    git(repo, 'tag', 'lib/v5.0.0');
    commit(repo);
    git(repo, 'tag', 'lib/v6.0.0');
    commit(repo);
    const d = await detect(repo, { tagPrefix: 'cli/v' }).promise;
    expect(d.parsed.version).toMatch(/^1\.0\.1-dev\.2\+g[0-9a-f]{7}$/);
    expect(d.releases).toEqual(['1.0.0']);
    expect(d.previousVersion).toBe('1.0.0');
  });
});

describe('a shallow clone', () => {
  let clone: string;
  beforeAll(() => {
    if (!available()) return;
    const origin = newRepo('origin');
    commit(origin);
    git(origin, 'tag', 'v1.0.0');
    commit(origin);
    git(origin, 'tag', 'v1.1.0');
    commit(origin);
    commit(origin);
    clone = path.join(root, 'shallow');
    git(root, 'clone', '-q', '--depth', '1', pathToFileURL(origin).href, clone);
  });

  it('is detected as shallow, finds no tags, and says how to fetch them', async () => {
    if (!available()) return;
    expect(await new ExecGit(clone).isShallow()).toBe(true);
    expect(await new ExecGit(clone).tags()).toEqual([]);
    const err = await detect(clone).promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as ConfigurationError).fix).toContain('fetch-depth: 0');
  });

  it('an explicit version still works, with a warning about the missing tags', async () => {
    if (!available()) return;
    const { promise, out } = detect(clone, { version: '1.2.0' });
    const d = await promise;
    expect(d).toMatchObject({ origin: 'input', previousVersion: '', isLatest: true });
    expect(out.join('\n')).toMatch(/warning: only 0 release tags are in this shallow clone.*fetch-depth: 0/);
  });
});

describe('outside a git repository', () => {
  it('falls back to the version file and reports no history', async () => {
    if (!available()) return;
    const dir = path.join(root, 'plain');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'VERSION'), 'v3.1.4\n');
    const git = new ExecGit(dir);
    expect([await git.tags(), await git.tagsAtHead(), await git.describe(['v*']), await git.isShallow()]).toEqual([[], [], undefined, false]);
    const d = await detect(dir, { env: { GITHUB_REF: 'refs/heads/main' } }).promise;
    expect(d).toMatchObject({ origin: 'file', tag: 'v3.1.4', previousVersion: '', isLatest: true });
  });
});
