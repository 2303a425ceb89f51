import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildTime, FALLBACK_EPOCH, mayBeInGitRepository } from '../../src/contents/mtime.js';

/** Whether some directory from `dir` up holds a .git or HEAD (then the temp dir is inside a repository). */
function underRepository(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git')) || existsSync(join(d, 'HEAD'))) return true;
    if (dirname(d) === d) return false;
  }
}

describe('build time: SOURCE_DATE_EPOCH, else the commit time, else a fixed date', () => {
  test('SOURCE_DATE_EPOCH wins, and must be whole seconds', async () => {
    expect(await buildTime({ SOURCE_DATE_EPOCH: '1700000000' }, process.cwd())).toEqual({ seconds: 1700000000, source: 'SOURCE_DATE_EPOCH' });
    await expect(buildTime({ SOURCE_DATE_EPOCH: '17e8' }, process.cwd())).rejects.toThrow(/SOURCE_DATE_EPOCH must be whole seconds/);
  });

  test('a directory that can be in a repository: a .git or HEAD up the tree, or GIT_DIR', () => {
    const root = mkdtempSync(join(tmpdir(), 'pa-git-'));
    const deep = join(root, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    if (!underRepository(root)) expect(mayBeInGitRepository(deep, {})).toBe(false);
    expect(mayBeInGitRepository(deep, { GIT_DIR: '/elsewhere/.git' })).toBe(true);
    writeFileSync(join(root, 'a', '.git'), 'gitdir: /elsewhere/.git/worktrees/x\n');
    expect(mayBeInGitRepository(deep, {})).toBe(true);
    const bare = mkdtempSync(join(tmpdir(), 'pa-bare-'));
    writeFileSync(join(bare, 'HEAD'), 'ref: refs/heads/main\n');
    expect(mayBeInGitRepository(bare, {})).toBe(true);
  });

  test('outside any repository: the fixed date (1980-01-01)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pa-nogit-'));
    if (underRepository(dir)) return; // the temp dir itself is inside a repository here
    expect(await buildTime({}, dir)).toEqual({ seconds: FALLBACK_EPOCH, source: 'fallback' });
  });
});
