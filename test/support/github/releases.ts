// Releases: create, get (id, tag, latest), update/publish, list, delete, generate-notes.
// Behaviour GitHub has that clients trip on: get-by-tag never returns drafts; drafts are listed only
// to users with push access; publishing creates the tag; immutable releases freeze on publish.
import { accessRepo, canPush } from './auth.js';
import { ghError, notFound, paginate, route, str, validationFailed, type Ctx, type Reply, type Route } from './http.js';
import { release as releaseJson } from './shapes.js';
import type { Release, Repo } from './state.js';

const PATH = '/repos/{owner}/{repo}/releases';

export function findRelease(ctx: Ctx, repo: Repo, id: number): Release {
  const r = repo.releases.find((x) => x.id === id);
  if (!r || (r.draft && !canPush(ctx, repo))) throw notFound();
  return r;
}

/** The commit a release target names (branch, tag or sha), or a 422 like GitHub's. */
async function resolveTarget(ctx: Ctx, repo: Repo, target: string): Promise<string> {
  const { git } = ctx.core;
  const candidates = /^[0-9a-f]{40}$/.test(target) ? [target] : [`refs/heads/${target}`, `refs/tags/${target}`, target];
  for (const c of candidates) {
    const sha = await git.resolve(repo.gitDir, `${c}^{commit}`);
    if (sha) return sha;
  }
  if ((await git.refs(repo.gitDir, 'refs/heads/')).size === 0) throw ghError(422, 'Repository is empty.');
  throw validationFailed({ resource: 'Release', code: 'invalid', field: 'target_commitish' });
}

/** Publishing rules shared by create and update: unique tag, immutable tags never reused, tag created. */
async function publish(ctx: Ctx, repo: Repo, r: Release): Promise<void> {
  if (repo.immutableTags.has(r.tagName)) {
    throw validationFailed({ resource: 'Release', code: 'custom', field: 'tag_name', message: 'tag_name was used by an immutable release' });
  }
  if (repo.releases.some((x) => x !== r && !x.draft && x.tagName === r.tagName)) {
    throw validationFailed({ resource: 'Release', code: 'already_exists', field: 'tag_name' });
  }
  const { git } = ctx.core;
  if (!(await git.resolve(repo.gitDir, `refs/tags/${r.tagName}`))) {
    const sha = await resolveTarget(ctx, repo, r.targetCommitish);
    await git.updateRef(repo.gitDir, `refs/tags/${r.tagName}`, sha, '');
  }
  r.draft = false;
  r.publishedAt = ctx.core.st.now();
  if (repo.immutableReleases) {
    r.immutable = true;
    repo.immutableTags.add(r.tagName);
  }
}

/** Release notes the way GitHub's generator words them: merged PRs since the previous release. */
export function generateNotes(ctx: Ctx, repo: Repo, tag: string, previous: string | undefined): { name: string; body: string } {
  const { server } = ctx.core.urls;
  const full = `${repo.owner}/${repo.name}`;
  const published = repo.releases.filter((r) => !r.draft && r.tagName !== tag).sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
  const prevRelease = previous ? published.find((r) => r.tagName === previous) : published.at(-1);
  const prevTag = previous ?? prevRelease?.tagName;
  const since = prevRelease?.publishedAt ?? '';
  const merged = repo.pulls.filter((p) => p.mergedAt !== null && (p.mergedAt as string) > since);
  const lines = merged.map((p) => `* ${p.title} by @${p.user} in ${server}/${full}/pull/${p.number}`);
  const changes = lines.length ? `## What's Changed\n${lines.join('\n')}\n\n` : '';
  const full_changelog = prevTag ? `${server}/${full}/compare/${prevTag}...${tag}` : `${server}/${full}/commits/${tag}`;
  return { name: tag, body: `${changes}**Full Changelog**: ${full_changelog}` };
}

function reply(ctx: Ctx, repo: Repo, r: Release, status = 200): Reply {
  return { status, body: releaseJson(ctx.core.urls, ctx.core.st, repo, r) };
}

async function create(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'write' });
  const st = ctx.core.st;
  const b = ctx.body;
  const now = st.now();
  const id = st.id();
  const r: Release = {
    id, tagName: b.tag_name as string, targetCommitish: str(b.target_commitish) ?? repo.defaultBranch,
    name: str(b.name) ?? null, body: str(b.body) ?? null, draft: b.draft === true, prerelease: b.prerelease === true,
    immutable: false, makeLatest: b.make_latest === 'true' ? true : b.make_latest === 'false' ? false : null,
    author: ctx.token?.login as string, createdAt: now, publishedAt: null, updatedAt: now, assets: [],
    untaggedId: `untagged-${id.toString(16).padStart(20, '0')}`,
  };
  if (b.generate_release_notes === true) {
    const notes = generateNotes(ctx, repo, r.tagName, undefined);
    r.body = r.body ? `${r.body}\n\n${notes.body}` : notes.body;
    r.name ??= notes.name;
  }
  if (!r.draft) await publish(ctx, repo, r);
  repo.releases.push(r);
  ctx.changed();
  const out = reply(ctx, repo, r, 201);
  return { ...out, headers: { location: (out.body as { url: string }).url } };
}

async function update(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'write' });
  const r = findRelease(ctx, repo, Number(ctx.params.release_id));
  const b = ctx.body;
  if (r.immutable) {
    const frozen = (['tag_name', 'target_commitish'] as const).filter((k) => k in b && b[k] !== (k === 'tag_name' ? r.tagName : r.targetCommitish));
    if (frozen.length || b.draft === true) {
      throw validationFailed({ resource: 'Release', code: 'custom', field: frozen[0] ?? 'draft', message: 'Cannot modify an immutable release.' });
    }
  }
  if (typeof b.tag_name === 'string') r.tagName = b.tag_name;
  if (typeof b.target_commitish === 'string') r.targetCommitish = b.target_commitish;
  if ('name' in b) r.name = str(b.name) ?? null;
  if ('body' in b) r.body = str(b.body) ?? null;
  if (typeof b.prerelease === 'boolean') r.prerelease = b.prerelease;
  if (b.make_latest !== undefined) r.makeLatest = b.make_latest === 'true' ? true : b.make_latest === 'false' ? false : null;
  if (b.draft === false && r.draft) await publish(ctx, repo, r);
  else if (b.draft === true && !r.draft) {
    r.draft = true;
    r.publishedAt = null;
  }
  r.updatedAt = ctx.core.st.now();
  ctx.changed();
  return reply(ctx, repo, r);
}

async function remove(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'write' });
  const r = findRelease(ctx, repo, Number(ctx.params.release_id));
  repo.releases.splice(repo.releases.indexOf(r), 1);
  ctx.changed();
  return { status: 204 };
}

async function get(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'read' });
  return reply(ctx, repo, findRelease(ctx, repo, Number(ctx.params.release_id)));
}

async function byTag(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'read' });
  // Drafts have no tag yet: GitHub's get-by-tag never finds them (clients must list instead).
  const r = repo.releases.find((x) => !x.draft && x.tagName === ctx.params.tag);
  if (!r) throw notFound();
  return reply(ctx, repo, r);
}

async function latest(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'read' });
  const candidates = repo.releases.filter((x) => !x.draft && !x.prerelease && x.makeLatest !== false);
  const marked = candidates.filter((x) => x.makeLatest === true).at(-1);
  const r = marked ?? [...candidates].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id).at(-1);
  if (!r) throw notFound();
  return reply(ctx, repo, r);
}

async function list(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'read' });
  const push = canPush(ctx, repo);
  const all = repo.releases.filter((r) => push || !r.draft).sort((a, b) => b.id - a.id);
  const { page, headers } = paginate(ctx, `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}/releases`, all);
  return { status: 200, body: page.map((r) => releaseJson(ctx.core.urls, ctx.core.st, repo, r)), headers };
}

async function notes(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'write' });
  return { status: 200, body: generateNotes(ctx, repo, ctx.body.tag_name as string, str(ctx.body.previous_tag_name)) };
}

export const releaseRoutes = (): Route[] => [
  route('GET', PATH, list),
  route('POST', PATH, create),
  route('GET', `${PATH}/{release_id}`, get),
  route('PATCH', `${PATH}/{release_id}`, update),
  route('DELETE', `${PATH}/{release_id}`, remove),
  route('GET', `${PATH}/tags/{tag}`, byTag),
  route('GET', `${PATH}/latest`, latest),
  route('POST', `${PATH}/generate-notes`, notes),
];
