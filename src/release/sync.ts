import { ConfigurationError } from '../core/errors.js';
import type { LocalAsset } from './local-files.js';
import type { ReleaseRemote, RemoteAsset, RemoteRelease } from './remote.js';

export type AssetStatus = 'upload' | 'replace' | 'unchanged';

export interface AssetPlan {
  local: LocalAsset;
  status: AssetStatus;
  existing?: RemoteAsset;
}

export interface AssetResult extends AssetPlan {
  /** What happened: uploaded, replaced, unchanged, failed, or planned (dry run). */
  outcome: 'uploaded' | 'replaced' | 'unchanged' | 'failed' | 'planned';
  remote?: RemoteAsset;
  error?: string;
}

/** The SHA-256 of a remote asset: GitHub's digest, else a download (older GHES). */
export async function remoteSha256(remote: ReleaseRemote, a: RemoteAsset, known?: Map<string, string>): Promise<string> {
  if (a.digest?.startsWith('sha256:')) return a.digest.slice(7);
  const k = known?.get(a.name);
  if (k) return k;
  return remote.downloadSha256(a);
}

/**
 * What each file needs, decided before anything is written: same bytes (by digest) → unchanged;
 * different bytes → replace; absent or left half-uploaded by a dead run → upload.
 */
export async function planAssets(remote: ReleaseRemote, existing: RemoteAsset[], locals: LocalAsset[]): Promise<AssetPlan[]> {
  const plans: AssetPlan[] = [];
  for (const local of locals) {
    const cur = existing.find((a) => a.name === local.name);
    if (!cur || cur.state !== 'uploaded') {
      plans.push({ local, status: 'upload', existing: cur });
      continue;
    }
    const same = cur.size === local.size && (await remoteSha256(remote, cur)) === local.sha256;
    plans.push({ local, status: same ? 'unchanged' : 'replace', existing: cur });
  }
  return plans;
}

/** Published immutable releases refuse changes: say so before touching anything. */
export function refuseImmutableChanges(rel: RemoteRelease, plans: AssetPlan[]): void {
  if (rel.draft || !rel.immutable) return;
  const changes = plans.filter((p) => p.status !== 'unchanged');
  if (changes.length === 0) return;
  const list = changes.map((p) => `${p.local.name} (${p.status === 'replace' ? 'different bytes than the published one' : 'not in the release'})`).join(', ');
  throw new ConfigurationError(`release ${rel.tag} is published and immutable, so its assets cannot change: ${list}`, {
    fix: 'publish a new version, or rebuild byte-identical files (set SOURCE_DATE_EPOCH to the original build time)',
  });
}

/** Carries out the plans one by one; a failure is recorded and the others still run. */
export async function applyPlans(remote: ReleaseRemote, rel: RemoteRelease, plans: AssetPlan[], log: (m: string) => void): Promise<AssetResult[]> {
  const results: AssetResult[] = [];
  for (const plan of plans) {
    if (plan.status === 'unchanged') {
      results.push({ ...plan, outcome: 'unchanged', remote: plan.existing });
      continue;
    }
    try {
      if (plan.existing) await remote.deleteAsset(plan.existing.id);
      const uploaded = await uploadOnce(remote, rel, plan.local);
      log(`${plan.status === 'replace' ? 'replaced' : 'uploaded'} ${plan.local.name} (${plan.local.size} bytes)`);
      results.push({ ...plan, outcome: plan.status === 'replace' ? 'replaced' : 'uploaded', remote: uploaded });
    } catch (e) {
      results.push({ ...plan, outcome: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  }
  return results;
}

/**
 * Uploads one file. A 422 "already exists" means another job uploaded the same name meanwhile
 * (or a dead attempt left a half-uploaded asset): identical bytes count as done, a broken
 * leftover is removed and the upload repeated, different bytes are an error.
 */
async function uploadOnce(remote: ReleaseRemote, rel: RemoteRelease, local: LocalAsset): Promise<RemoteAsset> {
  try {
    return await remote.upload(rel, local.name, local.path, local.size);
  } catch (e) {
    if ((e as { status?: number }).status !== 422 && !/already_exists|already exists/.test(String((e as Error).message))) throw e;
    const cur = (await remote.assets(rel.id)).find((a) => a.name === local.name);
    if (!cur) throw e;
    if (cur.state === 'uploaded' && (await remoteSha256(remote, cur)) === local.sha256) return cur;
    if (cur.state !== 'uploaded') {
      await remote.deleteAsset(cur.id);
      return remote.upload(rel, local.name, local.path, local.size);
    }
    throw new Error(`${local.name} was uploaded by someone else meanwhile, with different bytes`);
  }
}
