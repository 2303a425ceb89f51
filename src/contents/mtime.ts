import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigurationError } from '../core/errors.js';

/** A fixed fallback (1980-01-01, valid in every archive format including zip). */
export const FALLBACK_EPOCH = 315532800;

export interface BuildTime {
  seconds: number;
  source: 'SOURCE_DATE_EPOCH' | 'git' | 'fallback';
}

/**
 * The timestamp every entry carries: SOURCE_DATE_EPOCH, else the commit time of HEAD, else a
 * fixed date. Never "now": the same input must give the same bytes.
 */
export async function buildTime(env: NodeJS.ProcessEnv, cwd: string): Promise<BuildTime> {
  const sde = env.SOURCE_DATE_EPOCH?.trim();
  if (sde) {
    if (!/^\d+$/.test(sde)) throw new ConfigurationError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${sde}"`, { fix: 'export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)' });
    return { seconds: Number(sde), source: 'SOURCE_DATE_EPOCH' };
  }
  if (!mayBeInGitRepository(cwd, env)) return { seconds: FALLBACK_EPOCH, source: 'fallback' };
  try {
    // node:child_process is loaded here, not at start-up: ~10 ms that a run with
    // SOURCE_DATE_EPOCH or outside a repository does not need.
    const { execFile } = await import('node:child_process');
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile('git', ['log', '-1', '--format=%ct'], { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' } }, (error, out) => (error ? reject(error) : resolve(out))),
    );
    const t = stdout.trim();
    if (/^\d+$/.test(t)) return { seconds: Number(t), source: 'git' };
  } catch {
    // not a git checkout, or git missing: fall through to the fixed date
  }
  return { seconds: FALLBACK_EPOCH, source: 'fallback' };
}

/**
 * False only when git would certainly find no repository from `dir`: GIT_DIR is unset and no
 * directory from `dir` up to the root holds a `.git` (a checkout, worktree or submodule) or a
 * `HEAD` (a bare repository). Starting git just to be told so costs ~20 ms of every build
 * outside a checkout; anything that might be a repository still asks git.
 */
export function mayBeInGitRepository(dir: string, env: NodeJS.ProcessEnv): boolean {
  if (env.GIT_DIR) return true;
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git')) || existsSync(join(d, 'HEAD'))) return true;
    if (dirname(d) === d) return false;
  }
}
