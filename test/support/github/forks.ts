// Forks (created asynchronously: 202 now, 404 for a few polls) and merge-upstream (sync a fork
// branch: fast-forward, merge commit, or 409 on conflict). Also the merge used by gh.mergePull.
import { accessRepo, repoPermissions } from './auth.js';
import { ghError, route, str, type Core, type Ctx, type Reply, type Route } from './http.js';
import { fullRepository } from './shapes.js';
import { repoKey, type Repo } from './state.js';

/** Copies a ref of one repository into another (objects included); returns the sha fetched. */
export async function fetchRef(core: Core, into: Repo, from: Repo, ref: string, to: string): Promise<string | undefined> {
  const r = await core.git.run(into.gitDir, ['fetch', '--quiet', '--no-tags', from.gitDir, `+${ref}:${to}`]);
  if (r.code !== 0) return undefined;
  return core.git.resolve(into.gitDir, to);
}

/**
 * Brings `theirs` into `branch` of `repo`: nothing to do, fast-forward, or a merge commit.
 * 'conflict' when the three-way merge does not resolve cleanly.
 */
export async function mergeInto(core: Core, repo: Repo, branch: string, theirs: string, message: string, who: { name: string; email: string }): Promise<{ type: 'none' | 'fast-forward' | 'merge'; sha: string } | 'conflict'> {
  const { git } = core;
  const ref = `refs/heads/${branch}`;
  const ours = await git.resolve(repo.gitDir, ref);
  if (!ours) {
    await git.updateRef(repo.gitDir, ref, theirs, '');
    return { type: 'fast-forward', sha: theirs };
  }
  if (ours === theirs || (await git.isAncestor(repo.gitDir, theirs, ours))) return { type: 'none', sha: ours };
  if (await git.isAncestor(repo.gitDir, ours, theirs)) {
    if (!(await git.updateRef(repo.gitDir, ref, theirs, ours))) throw new Error(`${ref} moved during the merge`);
    return { type: 'fast-forward', sha: theirs };
  }
  const tree = await git.mergeTree(repo.gitDir, ours, theirs);
  if (!tree) return 'conflict';
  const date = core.st.now();
  const sha = await git.commitTree(repo.gitDir, tree, [ours, theirs], message, { ...who, date }, { ...who, date });
  if (!(await git.updateRef(repo.gitDir, ref, sha, ours))) throw new Error(`${ref} moved during the merge`);
  return { type: 'merge', sha };
}

/** Creates the fork on disk and in state; GitHub's naming: an unrelated repo of the same name → "name-1". */
export async function createForkRepo(core: Core, upstream: Repo, owner: string, name: string | undefined, defaultBranchOnly: boolean): Promise<Repo> {
  const { st } = core;
  const base = name ?? upstream.name;
  const upstreamKey = repoKey(upstream.owner, upstream.name);
  for (let i = 0; ; i++) {
    const candidate = i === 0 ? base : `${base}-${i}`;
    const existing = st.repo(owner, candidate);
    if (existing && existing.parent === upstreamKey) return existing;
    if (existing) continue;
    const gitDir = core.repoDir(owner, candidate);
    const args = ['clone', '--bare', '--quiet', '--no-tags'];
    if (defaultBranchOnly) args.push('--single-branch', '--branch', upstream.defaultBranch);
    await core.git.out('', [...args, upstream.gitDir, gitDir]);
    if (!defaultBranchOnly) await core.git.run(gitDir, ['fetch', '--quiet', upstream.gitDir, '+refs/tags/*:refs/tags/*']);
    await core.git.run(gitDir, ['remote', 'remove', 'origin']);
    const now = st.now();
    const repo: Repo = {
      id: st.id(), owner: st.ensureUser(owner).login, name: candidate, private: upstream.private, defaultBranch: upstream.defaultBranch,
      immutableReleases: false, collaborators: new Set(), gitDir, parent: upstreamKey, pendingPolls: st.forkDelay,
      releases: [], pulls: [], immutableTags: new Set(), createdAt: now, pushedAt: now,
    };
    st.repos.set(repoKey(repo.owner, repo.name), repo);
    return repo;
  }
}

async function createFork(ctx: Ctx): Promise<Reply> {
  // Forking needs only read access to the upstream; the token must be allowed to create repos.
  const upstream = accessRepo(ctx, { perm: 'administration', access: 'write', role: 'read' });
  const owner = str(ctx.body.organization) ?? (ctx.token?.login as string);
  const existing = ctx.core.st.repos.size;
  const fork = await createForkRepo(ctx.core, upstream, owner, str(ctx.body.name), ctx.body.default_branch_only === true);
  if (ctx.core.st.repos.size !== existing) ctx.changed();
  return { status: 202, body: fullRepository(ctx.core.urls, ctx.core.st, fork, repoPermissions(ctx.core.st, ctx.token, fork)) };
}

async function mergeUpstream(ctx: Ctx): Promise<Reply> {
  const fork = accessRepo(ctx, { perm: 'contents', access: 'write' });
  const { st, git } = ctx.core;
  const branch = ctx.body.branch as string;
  const upstream = fork.parent ? st.repos.get(fork.parent) : undefined;
  if (!upstream) throw ghError(422, 'This repository is not a fork.');
  const baseBranch = `${upstream.owner}:${branch}`;
  if (!(await git.resolve(fork.gitDir, `refs/heads/${branch}`))) throw ghError(422, `Branch ${branch} not found in this repository.`);
  const theirs = await fetchRef(ctx.core, fork, upstream, `refs/heads/${branch}`, `refs/upstream/${branch}`);
  if (!theirs) throw ghError(422, `Branch ${branch} not found in the upstream repository.`);
  const user = st.ensureUser(ctx.token?.login as string);
  const who = { name: user.name ?? user.login, email: user.email ?? `${user.id}+${user.login}@users.noreply.github.com` };
  const result = await mergeInto(ctx.core, fork, branch, theirs, `Merge branch '${branch}' of ${upstream.owner}/${upstream.name}`, who);
  await git.updateRef(fork.gitDir, `refs/upstream/${branch}`, '');
  if (result === 'conflict') throw ghError(409, 'There are merge conflicts');
  if (result.type === 'none') return { status: 200, body: { message: `This branch is not behind the upstream ${baseBranch}.`, merge_type: 'none', base_branch: baseBranch } };
  fork.pushedAt = st.now();
  ctx.changed();
  const message = result.type === 'fast-forward' ? `Successfully fetched and fast-forwarded from upstream ${baseBranch}.` : `Successfully fetched and merged from upstream ${baseBranch}.`;
  return { status: 200, body: { message, merge_type: result.type, base_branch: baseBranch } };
}

export const forkRoutes = (): Route[] => [
  route('POST', '/repos/{owner}/{repo}/forks', createFork),
  route('POST', '/repos/{owner}/{repo}/merge-upstream', mergeUpstream),
];
