// Release assets: upload (through upload_url), list, get, update, delete, and downloads through
// browser_download_url and the API (Accept: application/octet-stream). Both download paths redirect
// to a signed object URL on the stand-in, as GitHub redirects to its object store; serving the object
// bumps download_count.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accessRepo, canPush } from './auth.js';
import { ghError, notFound, paginate, route, str, validationFailed, type Core, type Ctx, type Reply, type Route } from './http.js';
import { findRelease } from './releases.js';
import { asset as assetJson } from './shapes.js';
import type { Asset, Release, Repo } from './state.js';

const PATH = '/repos/{owner}/{repo}/releases';
const secret = randomBytes(16);

// Letters GitHub transliterates rather than replaces (NFKD strips the accents of the others).
const TRANSLIT: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH',
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ŋ: 'ng', Ŋ: 'NG', ı: 'i',
};

/**
 * The name GitHub stores for an uploaded file. Observed behaviour (the docs only say "special
 * characters ... and leading or trailing periods" are renamed): letters are transliterated to ASCII,
 * every run of characters outside [A-Za-z0-9._+-] (space, ~ : ( ) @ , ; = [ ] { } ^ ` ' ! # $ % &)
 * becomes one '.', dot runs collapse, a leading '.' gets a "default" prefix, trailing dots go.
 */
export function githubAssetName(name: string): string {
  let s = [...name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')].map((ch) => TRANSLIT[ch] ?? ch).join('');
  s = s.replace(/[^A-Za-z0-9._+-]+/g, '.').replace(/\.{2,}/g, '.');
  if (s.startsWith('.')) s = `default${s}`;
  return s.replace(/\.+$/, '') || 'default';
}

function sign(id: number): string {
  return createHmac('sha256', secret).update(String(id)).digest('hex').slice(0, 32);
}

export function objectUrl(core: Core, a: Asset): string {
  return `${core.urls.server}/_objects/release-assets/${a.id}?sig=${sign(a.id)}`;
}

function frozen(release: Release, verb: string): void {
  if (release.immutable) throw ghError(422, `Cannot ${verb} an immutable release.`);
}

/** Creates the asset record an upload fills; also used to leave an 'open' asset behind a cut upload. */
export function startAsset(ctx: Ctx): { repo: Repo; release: Release; asset: Asset } {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'write' });
  const release = findRelease(ctx, repo, Number(ctx.params.release_id));
  frozen(release, 'upload assets to');
  const name = githubAssetName(ctx.query.get('name') ?? '');
  // The check runs on the renamed name: "a b.txt" collides with an existing "a.b.txt".
  if (release.assets.some((a) => a.name === name)) throw validationFailed({ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' });
  const now = ctx.core.st.now();
  const asset: Asset = {
    id: ctx.core.st.id(), releaseId: release.id, name, label: ctx.query.get('label'),
    contentType: str(ctx.headers['content-type']) ?? 'application/octet-stream', state: 'open', data: Buffer.alloc(0),
    digest: null, downloadCount: 0, uploader: ctx.token?.login as string, createdAt: now, updatedAt: now,
  };
  return { repo, release, asset };
}

async function upload(ctx: Ctx): Promise<Reply> {
  const { repo, release, asset } = startAsset(ctx);
  asset.data = ctx.raw;
  asset.state = 'uploaded';
  asset.digest = `sha256:${createHash('sha256').update(ctx.raw).digest('hex')}`;
  release.assets.push(asset);
  ctx.changed();
  return { status: 201, body: assetJson(ctx.core.urls, ctx.core.st, repo, release, asset) };
}

function findAsset(ctx: Ctx, repo: Repo): { release: Release; asset: Asset } {
  const found = ctx.core.st.findAsset(repo, Number(ctx.params.asset_id));
  if (!found || (found.release.draft && !canPush(ctx, repo))) throw notFound();
  return found;
}

async function list(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'read' });
  const release = findRelease(ctx, repo, Number(ctx.params.release_id));
  const { page, headers } = paginate(ctx, `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}/releases/${release.id}/assets`, release.assets);
  return { status: 200, body: page.map((a) => assetJson(ctx.core.urls, ctx.core.st, repo, release, a)), headers };
}

async function get(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'read' });
  const { release, asset } = findAsset(ctx, repo);
  if (/application\/octet-stream/i.test(str(ctx.headers.accept) ?? '')) {
    return { status: 302, headers: { location: objectUrl(ctx.core, asset) } };
  }
  return { status: 200, body: assetJson(ctx.core.urls, ctx.core.st, repo, release, asset) };
}

async function update(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'write' });
  const { release, asset } = findAsset(ctx, repo);
  frozen(release, 'update assets of');
  if (typeof ctx.body.name === 'string') {
    const name = githubAssetName(ctx.body.name);
    if (release.assets.some((a) => a !== asset && a.name === name)) throw validationFailed({ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' });
    asset.name = name;
  }
  if ('label' in ctx.body) asset.label = str(ctx.body.label) ?? null;
  asset.updatedAt = ctx.core.st.now();
  ctx.changed();
  return { status: 200, body: assetJson(ctx.core.urls, ctx.core.st, repo, release, asset) };
}

async function remove(ctx: Ctx): Promise<Reply> {
  const repo = accessRepo(ctx, { perm: 'contents', access: 'write' });
  const { release, asset } = findAsset(ctx, repo);
  frozen(release, 'delete assets from');
  release.assets.splice(release.assets.indexOf(asset), 1);
  ctx.changed();
  return { status: 204 };
}

export const assetRoutes = (): Route[] => [
  route('GET', `${PATH}/{release_id}/assets`, list),
  route('POST', `${PATH}/{release_id}/assets`, upload, 'uploads'),
  route('GET', `${PATH}/assets/{asset_id}`, get),
  route('PATCH', `${PATH}/assets/{asset_id}`, update),
  route('DELETE', `${PATH}/assets/{asset_id}`, remove),
];

/**
 * Web downloads: /{owner}/{repo}/releases/download/{tag}/{name} and .../releases/latest/download/{name}
 * redirect to the object; /_objects/release-assets/{id}?sig= serves it. Drafts and private repos
 * are not downloadable this way (GitHub wants a browser session there; use the API).
 * Returns false if the path is not a download path.
 */
export function serveDownload(core: Core, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const object = /^\/_objects\/release-assets\/(\d+)$/.exec(url.pathname);
  if (object) {
    const id = Number(object[1]);
    const found = url.searchParams.get('sig') === sign(id) ? [...core.st.repos.values()].map((r) => core.st.findAsset(r, id)).find(Boolean) : undefined;
    if (!found || found.asset.state !== 'uploaded') {
      plain(res, 404, 'Not Found');
      return true;
    }
    const a = found.asset;
    if (req.method === 'GET') a.downloadCount++;
    res.writeHead(200, {
      'content-type': 'application/octet-stream', 'content-length': String(a.data.length),
      'content-disposition': `attachment; filename=${a.name}`, 'last-modified': new Date(a.updatedAt).toUTCString(),
    });
    res.end(req.method === 'HEAD' ? undefined : a.data);
    return true;
  }
  const m = /^\/([^/]+)\/([^/]+)\/releases\/(?:download\/([^/]+)|(latest)\/download)\/([^/]+)$/.exec(url.pathname);
  if (!m) return false;
  const repo = core.st.repo(decodeURIComponent(m[1] as string), decodeURIComponent(m[2] as string));
  let release: Release | undefined;
  if (repo && !repo.private && repo.pendingPolls === 0) {
    const published = repo.releases.filter((r) => !r.draft);
    release = m[4] ? published.filter((r) => !r.prerelease).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id).at(-1)
      : published.find((r) => r.tagName === decodeURIComponent(m[3] as string));
  }
  const a = release?.assets.find((x) => x.name === decodeURIComponent(m[5] as string) && x.state === 'uploaded');
  if (!a) {
    plain(res, 404, 'Not Found');
    return true;
  }
  res.writeHead(302, { location: objectUrl(core, a), 'content-length': '0' });
  res.end();
  return true;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}
