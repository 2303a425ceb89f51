// Repositories, branches, contents, users and rate_limit.
import { accessRepo, notAccessible, repoPermissions } from './auth.js';
import { base64Lines } from './git-data.js';
import { ghError, notFound, paginate, route, str, type Ctx, type Reply, type Route } from './http.js';
import { fullRepository, privateUser, publicUser } from './shapes.js';
import type { Repo } from './state.js';

const PATH = '/repos/{owner}/{repo}';

async function getRepo(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'metadata', access: 'read' });
  return { status: 200, body: fullRepository(ctx.core.urls, ctx.core.st, repo, repoPermissions(ctx.core.st, ctx.token, repo)) };
}

async function commitJson(ctx: Ctx, repo: Repo, sha: string): Promise<Record<string, unknown>> {
  const c = await ctx.core.git.readCommit(repo.gitDir, sha);
  const api = `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}`;
  const html = `${ctx.core.urls.server}/${repo.owner}/${repo.name}`;
  return {
    sha, node_id: `C_${sha.slice(0, 12)}`, url: `${api}/commits/${sha}`, html_url: `${html}/commit/${sha}`, comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`, author: c.author, committer: c.committer, message: c.message.replace(/\n$/, ''), comment_count: 0,
      tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` }, verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: null, committer: null,
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${html}/commit/${p}` })),
  };
}

async function listBranches(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'read' });
  const api = `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}`;
  const heads = [...(await ctx.core.git.refs(repo.gitDir, 'refs/heads/'))].map(([ref, o]) => ({
    name: ref.slice(11), commit: { sha: o.sha, url: `${api}/commits/${o.sha}` }, protected: false,
  }));
  const { page, headers } = paginate(ctx, `${api}/branches`, heads);
  return { status: 200, body: page, headers };
}

async function getBranch(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'read' });
  const name = ctx.params.branch as string;
  const sha = await ctx.core.git.resolve(repo.gitDir, `refs/heads/${name}`);
  if (!sha) throw ghError(404, 'Branch not found');
  const api = `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    status: 200,
    body: {
      name, commit: await commitJson(ctx, repo, sha), protected: false, protection_url: `${api}/branches/${name}/protection`,
      protection: { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } },
      _links: { self: `${api}/branches/${name}`, html: `${ctx.core.urls.server}/${repo.owner}/${repo.name}/tree/${name}` },
    },
  };
}

function contentEntry(ctx: Ctx, repo: Repo, ref: string, e: { path: string; type: string; sha: string; size: number | undefined }): Record<string, unknown> {
  const api = `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}`;
  const type = e.type === 'tree' ? 'dir' : e.type === 'commit' ? 'submodule' : 'file';
  const self = `${api}/contents/${e.path}?ref=${encodeURIComponent(ref)}`;
  const git = `${api}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`;
  const html = `${ctx.core.urls.server}/${repo.owner}/${repo.name}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${e.path}`;
  const download = type === 'file' ? `${ctx.core.urls.server}/${repo.owner}/${repo.name}/raw/${ref}/${e.path}` : null;
  return {
    type, size: e.size ?? 0, name: e.path.split('/').pop(), path: e.path, sha: e.sha, url: self, git_url: git, html_url: html,
    download_url: download, _links: { self, git, html },
  };
}

async function getContent(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'read' });
  const ref = ctx.query.get('ref') ?? repo.defaultBranch;
  const path = (ctx.params.path as string).replace(/^\/+|\/+$/g, '');
  const commit = await ctx.core.git.resolve(repo.gitDir, `${ref}^{commit}`);
  if (!commit) throw ghError(404, `No commit found for the ref ${ref}`);
  const [entry] = path === '' ? [{ type: 'tree', path: '', sha: '', size: undefined, mode: '040000' }] : await ctx.core.git.lsTree(repo.gitDir, commit, { path });
  if (!entry || entry.path !== path) throw notFound();
  if (entry.type === 'tree') {
    const children = await ctx.core.git.lsTree(repo.gitDir, `${commit}:${path}`);
    return { status: 200, body: children.map((c) => contentEntry(ctx, repo, ref, { ...c, path: path ? `${path}/${c.path}` : c.path })) };
  }
  const data = (await ctx.core.git.blob(repo.gitDir, entry.sha)) ?? Buffer.alloc(0);
  return { status: 200, body: { ...contentEntry(ctx, repo, ref, entry), content: base64Lines(data), encoding: 'base64' } };
}

async function putContent(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'write' });
  const { git, st } = ctx.core;
  const b = ctx.body;
  const path = (ctx.params.path as string).replace(/^\/+|\/+$/g, '');
  const branch = str(b.branch) ?? repo.defaultBranch;
  const head = await git.resolve(repo.gitDir, `refs/heads/${branch}`);
  const empty = (await git.refs(repo.gitDir, 'refs/heads/')).size === 0;
  if (!head && !empty) throw ghError(404, `Branch ${branch} not found`);
  const existing = head ? (await git.lsTree(repo.gitDir, head, { path })).find((e) => e.path === path) : undefined;
  if (existing && b.sha === undefined) throw ghError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
  if (existing && b.sha !== existing.sha) throw ghError(409, `${path} does not match ${String(b.sha)}`);
  const blob = await git.hashObject(repo.gitDir, Buffer.from(b.content as string, 'base64'));
  const tree = await git.buildTree(repo.gitDir, ctx.core.tmp, head, [{ path, mode: existing?.mode ?? '100644', type: 'blob', sha: blob }]);
  const user = st.ensureUser(ctx.token?.login as string);
  const now = st.now();
  const fallback = { name: user.name ?? user.login, email: user.email ?? `${user.id}+${user.login}@users.noreply.github.com` };
  const committer = { ...fallback, ...(b.committer as object | undefined), date: now };
  const author = { ...committer, ...(b.author as object | undefined), date: now };
  const sha = await git.commitTree(repo.gitDir, tree, head ? [head] : [], b.message as string, author, committer);
  if (!(await git.updateRef(repo.gitDir, `refs/heads/${branch}`, sha, head ?? ''))) throw ghError(409, `is at ${head} but expected ${head}`);
  repo.pushedAt = now;
  ctx.changed();
  const [entry] = await git.lsTree(repo.gitDir, sha, { path });
  const c = await git.readCommit(repo.gitDir, sha);
  const api = `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    status: existing ? 200 : 201,
    body: {
      content: contentEntry(ctx, repo, branch, entry as { path: string; type: string; sha: string; size: number }),
      commit: {
        sha, node_id: `C_${sha.slice(0, 12)}`, url: `${api}/git/commits/${sha}`, html_url: `${ctx.core.urls.server}/${repo.owner}/${repo.name}/commit/${sha}`,
        author: c.author, committer: c.committer, message: c.message.replace(/\n$/, ''), tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
        parents: c.parents.map((p) => ({ sha: p, url: `${api}/git/commits/${p}`, html_url: `${ctx.core.urls.server}/${repo.owner}/${repo.name}/commit/${p}` })),
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      },
    },
  };
}

function counts(ctx: Ctx, login: string): { pub: number; priv: number } {
  const owned = [...ctx.core.st.repos.values()].filter((r) => r.owner.toLowerCase() === login.toLowerCase());
  return { pub: owned.filter((r) => !r.private).length, priv: owned.filter((r) => r.private).length };
}

async function authenticatedUser(ctx: Ctx): Promise<Reply> {
  if (!ctx.token) throw ghError(401, 'Requires authentication');
  // Installation tokens (GITHUB_TOKEN) act for no user: GitHub refuses this endpoint for them.
  if (ctx.token.kind === 'app') notAccessible(ctx.token, '');
  const user = ctx.core.st.ensureUser(ctx.token.login);
  const { pub, priv } = counts(ctx, user.login);
  return { status: 200, body: privateUser(ctx.core.urls, user, pub, priv) };
}

async function userByName(ctx: Ctx): Promise<Reply> {
  const user = ctx.core.st.user(ctx.params.username as string);
  if (!user) throw notFound();
  return { status: 200, body: publicUser(ctx.core.urls, user, counts(ctx, user.login).pub) };
}

async function rateLimit(ctx: Ctx): Promise<Reply> {
  const reset = Math.floor(Date.now() / 1000) + 3600;
  const core = { limit: ctx.token ? 5000 : 60, remaining: ctx.token ? 4999 : 59, reset, used: 1 };
  return { status: 200, body: { resources: { core, search: { limit: 30, remaining: 30, reset, used: 0 } }, rate: core } };
}

export const repoRoutes = (): Route[] => [
  route('GET', PATH, getRepo),
  route('GET', `${PATH}/branches`, listBranches),
  route('GET', `${PATH}/branches/{branch}`, getBranch),
  route('GET', `${PATH}/contents/{path}`, getContent),
  route('PUT', `${PATH}/contents/{path}`, putContent),
  route('GET', '/user', authenticatedUser),
  route('GET', '/users/{username}', userByName),
  route('GET', '/rate_limit', rateLimit),
];
