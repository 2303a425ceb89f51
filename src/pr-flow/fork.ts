// The fork: reuse one that exists, else create it and wait until GitHub has copied it; then
// sync it with upstream so the fork's default branch is not left behind (pain 6).
import { ExternalError } from '../core/errors.js';
import type { FlowRemote, RepoInfo } from './remote.js';
import type { FlowLog, RepoRef } from './types.js';

export interface ForkOptions {
  dryRun: boolean;
  /** Milliseconds instead of seconds between polls (tests). */
  fast: boolean;
  log: FlowLog;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const full = (r: RepoRef) => `${r.owner}/${r.repo}`;

function isForkOf(candidate: RepoInfo | undefined, target: RepoInfo): boolean {
  const t = full(target).toLowerCase();
  return candidate !== undefined && candidate.fork && (candidate.parent?.toLowerCase() === t || candidate.source?.toLowerCase() === t);
}

/** GitHub answers 202 at once and copies the repository later: poll until its default branch is there. */
export async function waitForFork(remote: FlowRemote, fork: RepoRef, branch: string, opts: ForkOptions): Promise<void> {
  const deadline = opts.fast ? 200 : 60;
  let waited = 0;
  for (let i = 0; i < deadline; i++) {
    const info = await remote.repo(fork);
    if (info && (await remote.branchSha(fork, branch, { emptyIsMissing: true }))) {
      if (i > 0) opts.log.info(`the fork ${full(fork)} is ready (after ${i} poll${i === 1 ? '' : 's'})`);
      return;
    }
    const ms = opts.fast ? 5 : Math.min(1000 * 2 ** i, 10_000);
    waited += ms;
    await sleep(ms);
  }
  throw new ExternalError(`the fork ${full(fork)} was not ready after ${Math.round(waited / 1000)} s; rerun the job (the fork is reused)`);
}

/** The fork to push to; undefined in a dry run when it does not exist yet. */
export async function ensureFork(remote: FlowRemote, target: RepoInfo, owner: string, organization: string | undefined, opts: ForkOptions): Promise<RepoRef | undefined> {
  const named = await remote.repo({ owner, repo: target.repo });
  if (isForkOf(named, target)) {
    opts.log.info(`reusing the fork ${full(named as RepoInfo)}`);
    return { owner: (named as RepoInfo).owner, repo: (named as RepoInfo).repo };
  }
  if (opts.dryRun) {
    opts.log.info(`dry-run: would fork ${full(target)} into ${owner} (or reuse a fork of it with another name)`);
    return undefined;
  }
  // POST /forks also answers with an existing fork of another name: GitHub keeps one per owner.
  const fork = await remote.fork(target, organization);
  opts.log.info(`fork of ${full(target)}: ${full(fork)}`);
  await waitForFork(remote, fork, target.defaultBranch, opts);
  return fork;
}

/**
 * "Sync fork": brings the fork's copy of the base branch up to date. A conflict does not stop
 * the flow: our branch is built from upstream's head, not from the fork's branch.
 */
export async function syncFork(remote: FlowRemote, fork: RepoRef, branch: string, log: FlowLog): Promise<void> {
  const r = await remote.mergeUpstream(fork, branch);
  if (r.result === 'conflict') {
    log.warning(`the fork ${full(fork)}'s ${branch} has diverged from upstream and cannot be synced (merge conflict); the pull request branch is built from upstream's ${branch} anyway, and the fork's own ${branch} is left as it is`);
  } else if (r.result === 'failed') {
    log.warning(`could not sync the fork ${full(fork)}'s ${branch} with upstream (${r.message}); building the pull request branch from upstream's ${branch}`);
  } else if (r.result !== 'none') {
    log.info(`synced the fork ${full(fork)} with upstream (${r.result})`);
  }
}
