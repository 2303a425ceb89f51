// Git Data API (refs, blobs, trees, commits, annotated tags) on real bare repositories.
import { accessRepo } from './auth.js';
import { ghError, notFound, route, str, type Ctx, type Reply, type Route } from './http.js';
import { gitCommit, unsigned } from './shapes.js';
import type { Repo } from './state.js';

const PATH = '/repos/{owner}/{repo}/git';

export function base64Lines(data: Buffer): string {
  return `${(data.toString('base64').match(/.{1,60}/g) ?? []).join('\n')}\n`;
}

/** GitHub refuses the Git Data API on a repository without commits. */
async function gitRepo(ctx: Ctx, access: 'read' | 'write'): Promise<Repo> {
  const repo = accessRepo(ctx, { perm: 'contents', access });
  if ((await ctx.core.git.refs(repo.gitDir)).size === 0) throw ghError(409, 'Git Repository is empty.');
  return repo;
}

function refJson(ctx: Ctx, repo: Repo, ref: string, sha: string, type: string): Record<string, unknown> {
  const api = `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}`;
  const kind = type === 'tag' ? 'tags' : type === 'commit' ? 'commits' : `${type}s`;
  return { ref, node_id: `REF_${Buffer.from(ref).toString('base64url')}`, url: `${api}/git/${ref}`, object: { type, sha, url: `${api}/git/${kind}/${sha}` } };
}

/** Tags of immutable releases are protected: they can't move or go away. */
function protectedTag(repo: Repo, ref: string): void {
  if (ref.startsWith('refs/tags/') && repo.immutableTags.has(ref.slice(10))) throw ghError(422, 'Cannot update or delete a tag used by an immutable release.');
}

async function getRef(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'read');
  const ref = `refs/${ctx.params.ref}`;
  const found = (await ctx.core.git.refs(repo.gitDir, ref)).get(ref);
  if (!found) throw notFound();
  return { status: 200, body: refJson(ctx, repo, ref, found.sha, found.type) };
}

async function matchingRefs(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'read');
  const prefix = `refs/${ctx.params.ref}`;
  const all = await ctx.core.git.refs(repo.gitDir);
  const body = [...all].filter(([ref]) => ref.startsWith(prefix)).map(([ref, o]) => refJson(ctx, repo, ref, o.sha, o.type));
  return { status: 200, body };
}

async function createRef(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'write');
  const { git } = ctx.core;
  const ref = ctx.body.ref as string;
  const sha = ctx.body.sha as string;
  if (!/^refs\/[^/]+\/.+/.test(ref)) throw ghError(422, 'Reference name is invalid');
  const type = await git.type(repo.gitDir, sha);
  if (!type) throw ghError(422, 'Object does not exist');
  if (!(await git.updateRef(repo.gitDir, ref, sha, ''))) throw ghError(422, 'Reference already exists');
  ctx.changed();
  return { status: 201, body: refJson(ctx, repo, ref, sha, type), headers: { location: `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}/git/${ref}` } };
}

async function updateRef(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'write');
  const { git } = ctx.core;
  const ref = `refs/${ctx.params.ref}`;
  const sha = ctx.body.sha as string;
  const current = (await git.refs(repo.gitDir, ref)).get(ref);
  if (!current) throw ghError(422, 'Reference does not exist');
  protectedTag(repo, ref);
  const type = await git.type(repo.gitDir, sha);
  if (!type) throw ghError(422, 'Object does not exist');
  if (ctx.body.force !== true && current.sha !== sha && !(await git.isAncestor(repo.gitDir, current.sha, sha))) {
    throw ghError(422, 'Update is not a fast forward');
  }
  if (!(await git.updateRef(repo.gitDir, ref, sha, current.sha))) throw ghError(422, 'Reference cannot be updated');
  repo.pushedAt = ctx.core.st.now();
  ctx.changed();
  return { status: 200, body: refJson(ctx, repo, ref, sha, type) };
}

async function deleteRef(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'write');
  const ref = `refs/${ctx.params.ref}`;
  const current = (await ctx.core.git.refs(repo.gitDir, ref)).get(ref);
  if (!current) throw ghError(422, 'Reference does not exist');
  protectedTag(repo, ref);
  await ctx.core.git.updateRef(repo.gitDir, ref, '', current.sha);
  ctx.changed();
  return { status: 204 };
}

async function createBlob(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'write');
  const encoding = str(ctx.body.encoding) ?? 'utf-8';
  if (encoding !== 'utf-8' && encoding !== 'base64') throw ghError(422, `encoding must be one of utf-8 or base64`);
  const data = Buffer.from(ctx.body.content as string, encoding === 'base64' ? 'base64' : 'utf8');
  const sha = await ctx.core.git.hashObject(repo.gitDir, data);
  ctx.changed();
  const url = `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}`;
  return { status: 201, body: { sha, url }, headers: { location: url } };
}

async function getBlob(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'read');
  const sha = ctx.params.file_sha as string;
  if ((await ctx.core.git.type(repo.gitDir, sha)) !== 'blob') throw notFound();
  const data = (await ctx.core.git.blob(repo.gitDir, sha)) as Buffer;
  return {
    status: 200,
    body: { sha, node_id: `B_${sha.slice(0, 12)}`, size: data.length, url: `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}`, content: base64Lines(data), encoding: 'base64' },
  };
}

async function treeJson(ctx: Ctx, repo: Repo, sha: string, recursive: boolean): Promise<Record<string, unknown>> {
  const api = `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}/git`;
  const entries = await ctx.core.git.lsTree(repo.gitDir, sha, { recursive });
  return {
    sha, url: `${api}/trees/${sha}`, truncated: false,
    tree: entries.map((e) => ({ path: e.path, mode: e.mode, type: e.type, sha: e.sha, ...(e.size !== undefined ? { size: e.size } : {}), url: `${api}/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}` })),
  };
}

async function createTree(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'write');
  const { git } = ctx.core;
  const baseTree = str(ctx.body.base_tree);
  if (baseTree && (await git.type(repo.gitDir, baseTree)) !== 'tree') throw ghError(422, `base_tree ${baseTree} is not a valid tree`);
  const changes = [];
  for (const e of ctx.body.tree as { path: string; mode: string; type: string; sha?: string | null; content?: string }[]) {
    if (e.content !== undefined && e.sha !== undefined) throw ghError(422, 'Must supply either tree.sha or tree.content, not both');
    let sha = e.sha ?? null;
    if (e.content !== undefined) sha = await git.hashObject(repo.gitDir, Buffer.from(e.content, 'utf8'));
    else if (sha !== null && e.mode !== '160000' && (await git.type(repo.gitDir, sha)) !== e.type) throw ghError(422, `tree.sha ${sha} is not a valid ${e.type}`);
    changes.push({ path: e.path.replace(/^\/+|\/+$/g, ''), mode: e.mode, type: e.type, sha });
  }
  const sha = await git.buildTree(repo.gitDir, ctx.core.tmp, baseTree, changes);
  ctx.changed();
  return { status: 201, body: await treeJson(ctx, repo, sha, false) };
}

async function getTree(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'read');
  const sha = await ctx.core.git.resolve(repo.gitDir, `${ctx.params.tree_sha}^{tree}`);
  if (!sha) throw notFound();
  const recursive = ['1', 'true'].includes(ctx.query.get('recursive') ?? '');
  return { status: 200, body: await treeJson(ctx, repo, sha, recursive) };
}

function identity(ctx: Ctx, given: unknown, fallbackDate: string): { name: string; email: string; date: string } {
  const g = (given ?? {}) as { name?: string; email?: string; date?: string };
  const user = ctx.core.st.ensureUser(ctx.token?.login as string);
  return {
    name: g.name ?? user.name ?? user.login,
    email: g.email ?? user.email ?? `${user.id}+${user.login}@users.noreply.github.com`,
    date: g.date ?? fallbackDate,
  };
}

async function createCommit(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'write');
  const { git } = ctx.core;
  const b = ctx.body;
  if ((await git.type(repo.gitDir, b.tree as string)) !== 'tree') throw ghError(422, 'Tree SHA does not exist');
  const parents = (b.parents as string[] | undefined) ?? [];
  for (const p of parents) if ((await git.type(repo.gitDir, p)) !== 'commit') throw ghError(422, 'Parent SHA does not exist or is not a commit object');
  const now = ctx.core.st.now();
  const author = identity(ctx, b.author, now);
  const committer = identity(ctx, b.committer ?? b.author, now);
  const sha = await git.commitTree(repo.gitDir, b.tree as string, parents, b.message as string, author, committer);
  ctx.changed();
  const body = gitCommit(ctx.core.urls, repo, sha, await git.readCommit(repo.gitDir, sha));
  return { status: 201, body, headers: { location: body.url as string } };
}

async function getCommit(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'read');
  const sha = ctx.params.commit_sha as string;
  if ((await ctx.core.git.type(repo.gitDir, sha)) !== 'commit') throw notFound();
  return { status: 200, body: gitCommit(ctx.core.urls, repo, sha, await ctx.core.git.readCommit(repo.gitDir, sha)) };
}

async function tagJson(ctx: Ctx, repo: Repo, sha: string): Promise<Record<string, unknown>> {
  const text = (await ctx.core.git.run(repo.gitDir, ['cat-file', 'tag', sha])).stdout.toString();
  const field = (k: string): string => new RegExp(`^${k} (.*)$`, 'm').exec(text)?.[1] ?? '';
  const tagger = /^(.*) <(.*)> (\d+) /.exec(field('tagger'));
  const api = `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}/git`;
  return {
    node_id: `TAG_${sha.slice(0, 12)}`, tag: field('tag'), sha, url: `${api}/tags/${sha}`, message: text.slice(text.indexOf('\n\n') + 2),
    tagger: { name: tagger?.[1] ?? '', email: tagger?.[2] ?? '', date: new Date(Number(tagger?.[3] ?? 0) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') },
    object: { sha: field('object'), type: field('type'), url: `${api}/${field('type')}s/${field('object')}` }, verification: unsigned,
  };
}

async function createTag(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'write');
  const b = ctx.body;
  const type = await ctx.core.git.type(repo.gitDir, b.object as string);
  if (!type || type !== b.type) throw ghError(422, 'Object does not exist');
  const who = identity(ctx, b.tagger, ctx.core.st.now());
  const seconds = Math.floor(Date.parse(who.date) / 1000);
  const text = `object ${String(b.object)}\ntype ${type}\ntag ${String(b.tag)}\ntagger ${who.name} <${who.email}> ${seconds} +0000\n\n${String(b.message)}`;
  const sha = await ctx.core.git.out(repo.gitDir, ['mktag'], { input: text.endsWith('\n') ? text : `${text}\n` });
  ctx.changed();
  return { status: 201, body: await tagJson(ctx, repo, sha) };
}

async function getTag(ctx: Ctx): Promise<Reply> {
  const repo = await gitRepo(ctx, 'read');
  if ((await ctx.core.git.type(repo.gitDir, ctx.params.tag_sha as string)) !== 'tag') throw notFound();
  return { status: 200, body: await tagJson(ctx, repo, ctx.params.tag_sha as string) };
}

export const gitDataRoutes = (): Route[] => [
  route('GET', `${PATH}/ref/{ref}`, getRef),
  route('GET', `${PATH}/matching-refs/{ref}`, matchingRefs),
  route('POST', `${PATH}/refs`, createRef),
  route('PATCH', `${PATH}/refs/{ref}`, updateRef),
  route('DELETE', `${PATH}/refs/{ref}`, deleteRef),
  route('POST', `${PATH}/blobs`, createBlob),
  route('GET', `${PATH}/blobs/{file_sha}`, getBlob),
  route('POST', `${PATH}/trees`, createTree),
  route('GET', `${PATH}/trees/{tree_sha}`, getTree),
  route('POST', `${PATH}/commits`, createCommit),
  route('GET', `${PATH}/commits/{commit_sha}`, getCommit),
  route('POST', `${PATH}/tags`, createTag),
  route('GET', `${PATH}/tags/{tag_sha}`, getTag),
];
