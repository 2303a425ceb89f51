import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import semver from 'semver';
import type { PackageConfig } from '../config/types.js';
import { ConfigurationError } from '../core/errors.js';
import type { ActionIO, SummaryFile } from '../core/io.js';
import { signFileArmored } from '../signing/index.js';
import type { Signer } from '../signing/types.js';
import { renderChecksums } from './checksums.js';
import { generatedAsset, installScripts } from './generated.js';
import type { LocalAsset } from './local-files.js';
import type { ReleaseRemote, RemoteAsset, RemoteRelease } from './remote.js';
import { applyPlans, planAssets, refuseImmutableChanges, remoteSha256, type AssetResult } from './sync.js';

export interface PublishRequest {
  tag: string;
  version: string;
  isPrerelease: boolean;
  name: string;
  body: string;
  generateNotes: boolean;
  /** Keep the release a draft (matrix jobs; a final job publishes). */
  draft: boolean;
  prerelease?: boolean;
  makeLatest?: boolean;
  target?: string;
  files: LocalAsset[];
  checksumsName: string;
  signer?: Signer;
  signFiles: boolean;
  publicKeyName: string;
  installScript: boolean;
  config?: PackageConfig;
  repo: string;
  serverUrl: string;
  dryRun: boolean;
  tempDir?: string;
}

export interface PublishResult {
  release?: RemoteRelease;
  assets: { name: string; url: string; size: number; sha256: string }[];
  results: AssetResult[];
}

const MAX_CHECKSUM_ROUNDS = 5;

/** True when `version` is the highest stable release among `tags` (GitHub's "latest" badge). */
export function shouldBeLatest(version: string, isPrerelease: boolean, tags: string[]): boolean {
  if (isPrerelease || !semver.valid(version)) return false;
  const stable = tags.map((t) => semver.valid(t.replace(/^[^0-9]*/, ''))).filter((v): v is string => v !== null && !semver.prerelease(v));
  return stable.every((v) => semver.gte(version, v));
}

/** Finds the release for the tag, or creates it as a draft; concurrent jobs converge on the oldest. */
async function releaseFor(remote: ReleaseRemote, req: PublishRequest, io: ActionIO): Promise<RemoteRelease | undefined> {
  const existing = await remote.releasesForTag(req.tag);
  if (existing[0]) return existing[0];
  if (req.dryRun) return undefined;
  const created = await remote.createDraft({ tag: req.tag, name: req.name, body: req.body, prerelease: req.prerelease ?? req.isPrerelease, target: req.target, generateNotes: req.generateNotes });
  const all = await remote.releasesForTag(req.tag);
  const oldest = all[0] ?? created;
  if (oldest.id !== created.id) {
    io.info(`another job created release ${req.tag} at the same time; using it and removing the duplicate draft`);
    await remote.deleteRelease(created.id);
  } else io.info(`created draft release ${req.tag}`);
  return oldest;
}

/**
 * Draft first, then every asset (skipping identical ones), then checksums over the whole
 * release, then publish: users and immutable releases never see a half-filled release, and a
 * rerun completes what a dead run left without duplicates.
 */
export async function publishRelease(remote: ReleaseRemote, req: PublishRequest, io: ActionIO): Promise<PublishResult> {
  const tmp = req.tempDir ?? (await mkdtemp(join(tmpdir(), 'pa-release-')));
  let rel = await io.group(`Find or create release ${req.tag}`, () => releaseFor(remote, req, io));
  const existing: RemoteAsset[] = rel ? await remote.assets(rel.id) : [];

  const locals = [...req.files];
  if (req.signer) {
    if (req.signFiles) {
      for (const f of req.files) {
        locals.push(await generatedAsset(tmp, `${f.name}.asc`, await signFileArmored(req.signer, f.path)));
      }
    }
    locals.push(await generatedAsset(tmp, req.publicKeyName, req.signer.publicKeyArmored));
  }
  const plans = await planAssets(remote, existing, locals);
  if (rel) refuseImmutableChanges(rel, plans);

  if (req.dryRun || !rel) {
    for (const p of plans) io.info(`dry-run: would ${p.status === 'unchanged' ? 'keep' : p.status} ${p.local.name}`);
    io.info(`dry-run: would ${rel ? 'update' : 'create'} release ${req.tag}, write ${req.checksumsName}${req.signer ? ` and ${req.checksumsName}.asc` : ''}${req.installScript ? ', install scripts' : ''}, and ${req.draft ? 'leave it a draft' : 'publish it'}`);
    return { release: rel, assets: plans.map((p) => ({ name: p.local.name, url: '', size: p.local.size, sha256: p.local.sha256 })), results: plans.map((p) => ({ ...p, outcome: 'planned' })) };
  }
  const release = rel;

  const results = await io.group(`Upload ${plans.filter((p) => p.status !== 'unchanged').length} of ${plans.length} assets`, () => applyPlans(remote, release, plans, (m) => io.info(m)));
  const failed = results.filter((r) => r.outcome === 'failed');
  if (failed.length) return { release, assets: [], results };

  const known = new Map(locals.map((l) => [l.name, l.sha256]));
  await io.group(`Install scripts and ${req.checksumsName}`, async () => {
    if (req.installScript && req.config) {
      const names = (await remote.assets(release.id)).map((a) => a.name);
      const scripts = await installScripts(tmp, { config: req.config, version: req.version, tag: req.tag, repo: req.repo, serverUrl: req.serverUrl, assetNames: names, checksumsName: req.checksumsName, signer: req.signer, publicKeyName: req.publicKeyName });
      if (scripts.length === 0) io.warning('no release archive matches a platform of the config (name_version_os_arch.tar.gz / .zip): install scripts skipped; attach the build-archive outputs');
      for (const s of scripts) known.set(s.name, s.sha256);
      const r = await applyPlans(remote, release, await planAssets(remote, await remote.assets(release.id), scripts), (m) => io.info(m));
      results.push(...r);
    } else if (req.installScript) io.warning('no config file: install scripts need its name and platforms; skipped');
    results.push(...(await syncChecksums(remote, release, req, tmp, known, io)));
  });
  if (results.some((r) => r.outcome === 'failed')) return { release, assets: [], results };

  if (!req.draft) {
    const latest = req.makeLatest ?? shouldBeLatest(req.version, req.prerelease ?? req.isPrerelease, await remote.allTags());
    const prerelease = req.prerelease ?? req.isPrerelease;
    if (release.draft || release.prerelease !== prerelease) {
      rel = await io.group(`Publish ${req.tag}`, () => remote.update(release.id, { draft: false, prerelease, make_latest: latest ? 'true' : 'false' }));
      io.info(`published ${rel.htmlUrl}${latest ? ' (latest)' : ''}`);
    } else io.info(`release ${req.tag} is already published; nothing to change`);
  }
  const final = await remote.assets(release.id);
  const assets = [];
  for (const a of final) assets.push({ name: a.name, url: a.url, size: a.size, sha256: await remoteSha256(remote, a, known) });
  return { release: rel ?? release, assets, results };
}

/**
 * SHA256SUMS over every asset of the release, not just this job's: recomputed from the
 * release's own digests, rewritten until no other job has added an asset it does not cover.
 */
async function syncChecksums(remote: ReleaseRemote, rel: RemoteRelease, req: PublishRequest, tmp: string, known: Map<string, string>, io: ActionIO): Promise<AssetResult[]> {
  const sumsNames = new Set([req.checksumsName, `${req.checksumsName}.asc`]);
  let last: AssetResult[] = [];
  for (let round = 1; round <= MAX_CHECKSUM_ROUNDS; round++) {
    const assets = (await remote.assets(rel.id)).filter((a) => !sumsNames.has(a.name) && a.state === 'uploaded');
    const entries = [];
    for (const a of assets) entries.push({ name: a.name, sha256: await remoteSha256(remote, a, known) });
    const sums = await generatedAsset(tmp, req.checksumsName, renderChecksums(entries));
    const current = await remote.assets(rel.id);
    const plans = await planAssets(remote, current, [sums]);
    const files = [sums];
    if (req.signer) {
      const ascName = `${req.checksumsName}.asc`;
      const haveAsc = current.some((a) => a.name === ascName && a.state === 'uploaded');
      // An unchanged SHA256SUMS keeps its signature: without SOURCE_DATE_EPOCH a new one would differ only in its date.
      if (plans[0]?.status !== 'unchanged' || !haveAsc) files.push(await generatedAsset(tmp, ascName, await req.signer.signDetachedArmored(Buffer.from(renderChecksums(entries)))));
    }
    last = await applyPlans(remote, rel, await planAssets(remote, current, files), (m) => io.info(m));
    if (last.some((r) => r.outcome === 'failed')) {
      // Another job may be writing its own SHA256SUMS right now: start over from the release's state.
      if (round < MAX_CHECKSUM_ROUNDS) {
        io.info(`${req.checksumsName} changed under us (another job?); recomputing`);
        continue;
      }
      return last;
    }
    const after = (await remote.assets(rel.id)).filter((a) => !sumsNames.has(a.name)).map((a) => a.name).sort();
    if (after.join('\n') === assets.map((a) => a.name).sort().join('\n')) return last;
    io.info(`assets changed while ${req.checksumsName} was written (another job?); recomputing`);
  }
  throw new ConfigurationError(`the release kept changing while ${req.checksumsName} was written`, { fix: 'run publish-release once more after the other jobs finish, e.g. in a final job with needs:' });
}

export function summaryRows(results: AssetResult[], final: PublishResult['assets']): SummaryFile[] {
  const url = new Map(final.map((a) => [a.name, a.url]));
  return results.map((r) => ({ name: r.local.name, size: r.local.size, sha256: r.local.sha256, url: url.get(r.local.name) || undefined, status: r.outcome === 'failed' ? `failed: ${r.error ?? ''}` : r.outcome }));
}
