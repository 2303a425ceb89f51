// Pull requests: create (same repo or from a fork in the network), list (state, head=owner:branch,
// base), get, update; and the merge behind gh.mergePull. The head commit is copied into the base
// repository as refs/pull/N/head, as GitHub does.
import { accessRepo, canPush, notAccessible } from './auth.js';
import { fetchRef, mergeInto } from './forks.js';
import { ghError, notFound, paginate, route, str, validationFailed, type Core, type Ctx, type Reply, type Route } from './http.js';
import { pull as pullJson } from './shapes.js';
import { repoKey, type Pull, type Repo } from './state.js';

const PATH = '/repos/{owner}/{repo}/pulls';

/** Root of a fork network: repositories share it when one is (a fork of) a fork of the other. */
function networkRoot(core: Core, repo: Repo): string {
  let r = repo;
  while (r.parent) r = core.st.repos.get(r.parent) ?? r;
  return repoKey(r.owner, r.name);
}

/** The repository a `head` of "owner:branch" names: the base itself or the owner's repo in the network. */
function headRepoOf(core: Core, base: Repo, owner: string): Repo | undefined {
  if (owner.toLowerCase() === base.owner.toLowerCase()) return base;
  const root = networkRoot(core, base);
  return [...core.st.repos.values()].find((r) => r.owner.toLowerCase() === owner.toLowerCase() && networkRoot(core, r) === root);
}

async function shas(core: Core, base: Repo, p: Pull): Promise<{ head: string; base: string }> {
  const headRepo = core.st.repos.get(p.headRepo);
  const head = (headRepo && (await core.git.resolve(headRepo.gitDir, `refs/heads/${p.headRef}`))) ?? (await core.git.resolve(base.gitDir, `refs/pull/${p.number}/head`));
  const baseSha = await core.git.resolve(base.gitDir, `refs/heads/${p.baseRef}`);
  return { head: head ?? '', base: baseSha ?? '' };
}

async function reply(ctx: Ctx, base: Repo, p: Pull, status: number, detail: boolean): Promise<Reply> {
  return { status, body: pullJson(ctx.core.urls, ctx.core.st, base, p, await shas(ctx.core, base, p), detail) };
}

function duplicate(base: Repo, headRepo: string, headRef: string, baseRef: string, except?: Pull): Pull | undefined {
  return base.pulls.find((p) => p !== except && p.state === 'open' && p.headRepo === headRepo && p.headRef === headRef && p.baseRef === baseRef);
}

async function create(ctx: Ctx): Promise<Reply> {
  // Anyone who can read a repository may open a pull request on it.
  const base = accessRepo(ctx, { perm: 'pull_requests', access: 'write', role: 'read' });
  const { core } = ctx;
  const b = ctx.body;
  const headSpec = b.head as string;
  const colon = headSpec.indexOf(':');
  const headOwner = colon >= 0 ? headSpec.slice(0, colon) : base.owner;
  const headRef = colon >= 0 ? headSpec.slice(colon + 1) : headSpec;
  const baseRef = b.base as string;
  const headRepo = headRepoOf(core, base, headOwner);
  const headSha = headRepo ? await core.git.resolve(headRepo.gitDir, `refs/heads/${headRef}`) : undefined;
  if (!headRepo || !headSha) throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  const baseSha = await core.git.resolve(base.gitDir, `refs/heads/${baseRef}`);
  if (!baseSha) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
  const headKey = repoKey(headRepo.owner, headRepo.name);
  if (duplicate(base, headKey, headRef, baseRef)) {
    throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${headRepo.owner}:${headRef}.` });
  }
  const staged = headRepo === base ? headSha : await fetchRef(core, base, headRepo, `refs/heads/${headRef}`, 'refs/stand-in/incoming');
  if (!staged) throw new Error(`could not copy ${headSpec} into ${base.owner}/${base.name}`);
  if (await core.git.isAncestor(base.gitDir, headSha, baseSha)) {
    if (headRepo !== base) await core.git.updateRef(base.gitDir, 'refs/stand-in/incoming', '');
    throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `No commits between ${baseRef} and ${headOwner === base.owner ? headRef : headSpec}` });
  }
  const now = core.st.now();
  const p: Pull = {
    id: core.st.id(), number: core.st.nextNumber(base), title: b.title as string, body: str(b.body) ?? null, state: 'open', draft: b.draft === true,
    headRepo: headKey, headRef, baseRef, user: ctx.token?.login as string, maintainerCanModify: b.maintainer_can_modify !== false,
    createdAt: now, updatedAt: now, closedAt: null, mergedAt: null, mergeCommitSha: null, mergedBy: null,
  };
  await core.git.updateRef(base.gitDir, `refs/pull/${p.number}/head`, headSha);
  if (headRepo !== base) await core.git.updateRef(base.gitDir, 'refs/stand-in/incoming', '');
  base.pulls.push(p);
  ctx.changed();
  const out = await reply(ctx, base, p, 201, true);
  return { ...out, headers: { location: `${core.urls.api}/repos/${base.owner}/${base.name}/pulls/${p.number}` } };
}

async function list(ctx: Ctx): Promise<Reply> {
  const base = accessRepo(ctx, { perm: 'pull_requests', access: 'read' });
  const state = ctx.query.get('state') ?? 'open';
  const head = ctx.query.get('head');
  const baseRef = ctx.query.get('base');
  let pulls = base.pulls.filter((p) => state === 'all' || p.state === state);
  // GitHub applies `head` only in the "owner:branch" form.
  if (head?.includes(':')) {
    const [owner, ref] = [head.slice(0, head.indexOf(':')), head.slice(head.indexOf(':') + 1)];
    pulls = pulls.filter((p) => {
      const r = ctx.core.st.repos.get(p.headRepo);
      return r?.owner.toLowerCase() === owner.toLowerCase() && p.headRef === ref;
    });
  }
  if (baseRef) pulls = pulls.filter((p) => p.baseRef === baseRef);
  const asc = ctx.query.get('direction') === 'asc';
  pulls = [...pulls].sort((a, b) => (asc ? a.number - b.number : b.number - a.number));
  const { page, headers } = paginate(ctx, `${ctx.core.urls.api}/repos/${base.owner}/${base.name}/pulls`, pulls);
  const body = [];
  for (const p of page) body.push((await reply(ctx, base, p, 200, false)).body);
  return { status: 200, body, headers };
}

function findPull(ctx: Ctx, base: Repo): Pull {
  const p = base.pulls.find((x) => x.number === Number(ctx.params.pull_number));
  if (!p) throw notFound();
  return p;
}

async function get(ctx: Ctx): Promise<Reply> {
  const base = accessRepo(ctx, { perm: 'pull_requests', access: 'read' });
  return reply(ctx, base, findPull(ctx, base), 200, true);
}

async function update(ctx: Ctx): Promise<Reply> {
  const base = accessRepo(ctx, { perm: 'pull_requests', access: 'write', role: 'read' });
  const p = findPull(ctx, base);
  const token = ctx.token;
  if (!token) throw ghError(401, 'Requires authentication');
  // The author may edit their own pull request; anyone else needs push access.
  if (p.user.toLowerCase() !== token.login.toLowerCase() && !canPush(ctx, base)) {
    if (token.kind === 'classic') throw ghError(403, 'Must have push access to edit this pull request.');
    notAccessible(token, 'pull_requests=write');
  }
  const b = ctx.body;
  if (typeof b.base === 'string') {
    if (!(await ctx.core.git.resolve(base.gitDir, `refs/heads/${b.base}`))) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
    p.baseRef = b.base;
  }
  if (b.state === 'open' && p.state === 'closed') {
    if (p.mergedAt) throw ghError(422, 'state cannot be changed. The pull request has been merged.');
    if (duplicate(base, p.headRepo, p.headRef, p.baseRef, p)) {
      throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${ctx.core.st.repos.get(p.headRepo)?.owner ?? ''}:${p.headRef}.` });
    }
    p.state = 'open';
    p.closedAt = null;
  } else if (b.state === 'closed' && p.state === 'open') {
    p.state = 'closed';
    p.closedAt = ctx.core.st.now();
  }
  if (typeof b.title === 'string') p.title = b.title;
  if ('body' in b) p.body = str(b.body) ?? null;
  if (typeof b.maintainer_can_modify === 'boolean') p.maintainerCanModify = b.maintainer_can_modify;
  p.updatedAt = ctx.core.st.now();
  ctx.changed();
  return reply(ctx, base, p, 200, true);
}

/** Merges a pull request as the base repository's owner would (gh.mergePull). */
export async function mergePull(core: Core, base: Repo, number: number, mergedBy: string): Promise<string> {
  const p = base.pulls.find((x) => x.number === number);
  if (!p || p.state !== 'open') throw new Error(`pull request #${number} of ${base.owner}/${base.name} is not open`);
  const headRepo = core.st.repos.get(p.headRepo) as Repo;
  const head = await fetchRef(core, base, headRepo, `refs/heads/${p.headRef}`, `refs/pull/${number}/head`);
  if (!head) throw new Error(`head branch ${p.headRef} of #${number} is gone`);
  const user = core.st.ensureUser(mergedBy);
  const who = { name: user.name ?? user.login, email: user.email ?? `${user.id}+${user.login}@users.noreply.github.com` };
  const result = await mergeInto(core, base, p.baseRef, head, `Merge pull request #${number} from ${headRepo.owner}/${p.headRef}\n\n${p.title}`, who);
  if (result === 'conflict') throw new Error(`pull request #${number} has merge conflicts`);
  const now = core.st.now();
  Object.assign(p, { state: 'closed', mergedAt: now, closedAt: now, updatedAt: now, mergeCommitSha: result.sha, mergedBy });
  base.pushedAt = now;
  return result.sha;
}

export const pullRoutes = (): Route[] => [
  route('GET', PATH, list),
  route('POST', PATH, create),
  route('GET', `${PATH}/{pull_number}`, get),
  route('PATCH', `${PATH}/{pull_number}`, update),
];
