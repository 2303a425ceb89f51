// One pull-request flow for every manifest channel: files in, a commit on the target (own
// tap) or a pull request (from a branch in the target, or from a synced fork) out. Reruns find
// their own branch and pull request by name and change nothing when nothing changed.
import { ConfigurationError, ExternalError } from '../core/errors.js';
import type { GitHubClient } from '../github/client.js';
import { planAccess, type Access } from './access.js';
import { decide, type BranchState, type Plan, type PullState } from './decide.js';
import { ensureFork, syncFork } from './fork.js';
import { contentBytes, treeWithFiles } from './git-tree.js';
import { isValidBranchName } from './naming.js';
import { FlowRemote } from './remote.js';
import type { FlowLog, PrFlowRequest, PrFlowResult, PullRef, RepoRef } from './types.js';

export interface FlowOptions {
  /** Poll forks every few milliseconds instead of seconds (PACKAGE_ACTIONS_FAST_RETRIES=1). */
  fast?: boolean;
}

/** Attempts when the base branch moves between reading it and fast-forwarding it (direct route). */
const ATTEMPTS = 3;

function checkRequest(req: PrFlowRequest): void {
  const bad = (what: string) => new ConfigurationError(what, { location: { file: 'pull request', field: 'files' }, fix: 'paths are relative to the repository root, with / between parts' });
  if (req.files.length === 0) throw bad('no files to write');
  const seen = new Set<string>();
  for (const f of req.files) {
    const parts = f.path.split('/');
    if (f.path.includes('\\') || parts.some((p) => p === '' || p === '.' || p === '..' || p === '.git')) throw bad(`"${f.path}" is not a plain repository path`);
    if (seen.has(f.path)) throw bad(`"${f.path}" is written twice`);
    seen.add(f.path);
  }
  if (!isValidBranchName(req.branch)) throw new ConfigurationError(`"${req.branch}" is not a valid branch name`, { fix: 'use letters, digits, ".", "_", "-", "+" and "/"' });
}

const pullRef = (p: PullState): PullRef => ({ number: p.number, url: p.url, state: p.merged ? 'merged' : p.state });
const full = (r: RepoRef) => `${r.owner}/${r.repo}`;

function printDryRun(req: PrFlowRequest, access: Access, head: RepoRef | undefined, plan: Plan, log: FlowLog): void {
  for (const f of req.files) {
    if (f.content === null) log.info(`dry-run: would delete ${f.path}`);
    else log.info(`dry-run: would write ${f.path} (${contentBytes(f.content).length} bytes):\n${typeof f.content === 'string' ? f.content : '(binary)'}`);
  }
  const where = access.route === 'direct' ? `onto ${full(access.target)}'s ${access.base}` : `to ${full(head ?? { owner: access.headOwner, repo: access.target.repo })}'s ${req.branch}`;
  if (plan.commit) log.info(`dry-run: would commit "${req.commitMessage.split('\n')[0]}" ${where}`);
  if (plan.pull === 'create') log.info(`dry-run: would open a pull request on ${full(access.target)} from ${access.headOwner}:${req.branch} into ${access.base}\ntitle: ${req.title}\n${req.body}`);
  if (plan.pull === 'update' && plan.existing) log.info(`dry-run: would update the title and description of ${plan.existing.url}\ntitle: ${req.title}\n${req.body}`);
  if (!plan.changed) log.info('dry-run: nothing would change');
}

type Attempt = PrFlowResult | 'base-moved';

async function attempt(remote: FlowRemote, req: PrFlowRequest, access: Access, head: RepoRef | undefined, log: FlowLog, beforeWrites: () => Promise<void>): Promise<Attempt> {
  const target: RepoRef = { owner: access.target.owner, repo: access.target.repo };
  const upstreamHead = await remote.branchSha(target, access.base);
  if (!upstreamHead) throw new ConfigurationError(`${full(target)} has no branch ${access.base}`, { fix: 'check the base branch name, or leave it empty for the repository\'s default branch' });
  const upstream = await remote.commit(target, upstreamHead);
  // Read from the target: a fork shares its objects, and may not exist yet in a dry run.
  const wanted = await treeWithFiles(remote.treeReader(target), upstream.tree, req.files);
  const mode = access.route === 'direct' ? 'direct' : 'branch';
  let branch: BranchState | undefined;
  if (mode === 'branch' && head) {
    const sha = await remote.branchSha(head, req.branch);
    if (sha) branch = { sha, ...(await remote.commit(head, sha)) };
  }
  const pulls = mode === 'branch' ? await remote.pulls(target, access.headOwner, req.branch) : [];
  const closed = pulls.find((p) => p.state === 'closed' && !p.merged);
  const plan = decide({ mode, upstreamHead, upstreamTree: upstream.tree, wantedTree: wanted, branch, pulls, title: req.title, body: req.body });
  log.info(plan.reason);
  if (plan.pull === 'create' && closed) log.warning(`pull request #${closed.number} from ${req.branch} was closed without merging; opening a new one`);
  const result = (commitSha: string, changed: boolean, outcome: string, pr?: PullState): PrFlowResult => ({
    route: access.route, head: head ?? { owner: access.headOwner, repo: access.target.repo }, branch: mode === 'direct' ? access.base : req.branch,
    commitSha, changed, outcome, ...(pr ? { pullRequest: pullRef(pr) } : {}),
  });

  if (req.dryRun) printDryRun(req, access, head, plan, log);
  const prefix = req.dryRun ? 'dry-run: ' : '';
  if (plan.noOp === 'merged' && plan.existing) return result(plan.existing.mergeCommitSha ?? plan.existing.headSha, false, prefix + plan.reason, plan.existing);
  if (plan.noOp === 'base-has-files') return result(upstreamHead, false, prefix + plan.reason, plan.existing);
  if (req.dryRun) return result(plan.commit ? '' : (branch?.sha ?? upstreamHead), plan.changed, prefix + plan.reason, plan.existing);
  if (!head) throw new Error('no head repository outside a dry run');
  await beforeWrites();

  let commitSha = branch?.sha ?? upstreamHead;
  if (plan.commit) {
    const tree = await remote.createTree(head, upstream.tree, req.files);
    if (wanted !== undefined && tree !== wanted) log.warning(`GitHub wrote tree ${tree} where ${wanted} was expected; a rerun may not recognise this commit as current`);
    commitSha = await remote.createCommit(head, { message: req.commitMessage, tree, parents: [upstreamHead], committer: req.committer });
    log.info(`commit ${commitSha} in ${full(head)}`);
  }
  if (plan.ref === 'fast-forward') {
    if ((await remote.moveBranch(target, access.base, commitSha, false)) === 'not-fast-forward') return 'base-moved';
    log.info(`${full(target)}'s ${access.base} is now at ${commitSha}`);
  } else if (plan.ref === 'create') {
    if ((await remote.createBranch(head, req.branch, commitSha)) === 'exists') await remote.moveBranch(head, req.branch, commitSha, true);
  } else if (plan.ref === 'force-update') {
    await remote.moveBranch(head, req.branch, commitSha, true);
  }
  let pr = plan.existing;
  if (plan.pull === 'create') {
    const created = await remote.createPull(target, {
      head: `${access.headOwner}:${req.branch}`, base: access.base, title: req.title, body: req.body,
      // GitHub refuses "allow edits by maintainers" for forks owned by an organization.
      maintainerCanModify: access.route === 'fork' ? access.organization === undefined : undefined,
    });
    if (created === 'exists') {
      // A concurrent run opened it between our read and our write: adopt it.
      pr = (await remote.pulls(target, access.headOwner, req.branch)).find((p) => p.state === 'open');
      if (!pr) throw new ExternalError(`GitHub says a pull request from ${access.headOwner}:${req.branch} exists but does not list it; rerun the job`);
      pr = await remote.updatePull(target, pr.number, req.title, req.body);
    } else {
      pr = created;
    }
    log.info(`opened pull request ${pr.url}`);
  } else if (plan.pull === 'update' && pr) {
    pr = await remote.updatePull(target, pr.number, req.title, req.body);
    log.info(`updated pull request ${pr.url}`);
  }
  return result(commitSha, plan.changed, plan.reason, pr);
}

/** Runs the flow; see PrFlowRequest for the knobs and PrFlowResult for what comes back. */
export async function runPrFlow(client: GitHubClient, req: PrFlowRequest, log: FlowLog, opts: FlowOptions = {}): Promise<PrFlowResult> {
  checkRequest(req);
  const remote = new FlowRemote(client);
  let access = await planAccess(remote, req, log);
  let head: RepoRef | undefined = { owner: access.target.owner, repo: access.target.repo };
  if (access.route === 'fork') {
    head = await ensureFork(remote, access.target, access.headOwner, access.organization, { dryRun: req.dryRun, fast: opts.fast === true, log });
    if (head) access = { ...access, headOwner: head.owner };
    if (head && req.dryRun) log.info(`dry-run: would sync the fork ${full(head)} with upstream before writing to it`);
  }
  // The fork is synced only when something is about to be written, so a rerun with nothing to
  // do writes nothing at all; the sync also brings upstream's newest objects into the fork.
  let synced = access.route !== 'fork';
  const beforeWrites = async () => {
    if (synced || !head) return;
    synced = true;
    await syncFork(remote, head, access.base, log);
  };
  for (let i = 1; ; i++) {
    const r = await attempt(remote, req, access, head, log, beforeWrites);
    if (r !== 'base-moved') return r;
    if (i >= ATTEMPTS) throw new ExternalError(`${full(access.target)}'s ${access.base} kept moving while committing (${ATTEMPTS} attempts); rerun the job`);
    log.info(`${full(access.target)}'s ${access.base} moved while committing; starting again from its new head`);
  }
}
