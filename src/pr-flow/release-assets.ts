// sha256 values and reachability of release assets: read from the release's SHA256SUMS or
// computed from local files, never guessed; installer URLs checked before a submission.
import { createHash } from 'node:crypto';
import { ConfigurationError, ExternalError } from '../core/errors.js';
import { parseChecksums } from '../release/checksums.js';
import { localAssets } from '../release/local-files.js';
import type { FlowLog } from './types.js';

export interface FetchOptions {
  fast?: boolean;
  log: FlowLog;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** fetch with a few retries for dropped connections and 5xx; 4xx is an answer, not a failure. */
async function fetchRetrying(url: string, init: RequestInit, opts: FetchOptions): Promise<Response> {
  let last: unknown;
  for (let i = 0; i < 4; i++) {
    if (i > 0) await sleep(opts.fast ? 5 : 1000 * 2 ** i);
    try {
      const res = await fetch(url, { ...init, redirect: 'follow', signal: AbortSignal.timeout(120_000) });
      if (res.status < 500) return res;
      last = new Error(`${res.status} ${res.statusText}`);
      await res.body?.cancel();
    } catch (e) {
      last = e;
    }
    opts.log.debug(`${init.method ?? 'GET'} ${url}: ${String((last as Error).message ?? last)}; retrying`);
  }
  throw new ExternalError(`${init.method ?? 'GET'} ${url} failed after retries: ${String((last as Error).message ?? last)}`, { cause: last });
}

/** The release's checksums file, downloaded like a user would (published releases only). */
export async function releaseChecksums(url: string, name: string, opts: FetchOptions): Promise<Map<string, string>> {
  const res = await fetchRetrying(url, {}, opts);
  if (res.status === 404) {
    await res.body?.cancel();
    throw new ConfigurationError(`the release has no downloadable ${name} (${url} answered 404)`, {
      fix: `publish the release first (publish-release attaches ${name}; drafts cannot be downloaded), or pass files: with the local archives to hash them instead`,
    });
  }
  if (!res.ok) throw new ExternalError(`downloading ${url} failed: ${res.status} ${res.statusText}`);
  const sums = parseChecksums(await res.text());
  opts.log.info(`${name}: ${sums.size} entr${sums.size === 1 ? 'y' : 'ies'} from ${url}`);
  return sums;
}

/** sha256 of local files, keyed by the name GitHub gives them as assets. */
export async function localChecksums(patterns: string[], workdir: string): Promise<Map<string, string>> {
  return new Map((await localAssets(patterns, workdir)).map((a) => [a.name, a.sha256]));
}

/** Every asset's sha256 from `sums`; all missing ones in one clear error. */
export function pickChecksums(sums: Map<string, string>, assets: string[], source: string): Map<string, string> {
  const missing = assets.filter((a) => !sums.has(a));
  if (missing.length) {
    throw new ConfigurationError(`${source} has no sha256 for ${missing.join(', ')}`, {
      fix: 'build and attach an archive for every platform the config lists (build-archive, then publish-release), or remove the platform from the config',
    });
  }
  return new Map(assets.map((a) => [a, sums.get(a) as string]));
}

/** HEADs every URL (following GitHub's redirect to storage); all missing ones in one error. */
export async function checkReachable(urls: string[], opts: FetchOptions): Promise<void> {
  const missing: string[] = [];
  for (const url of urls) {
    let res = await fetchRetrying(url, { method: 'HEAD' }, opts);
    await res.body?.cancel();
    // Storage behind a redirect may sign its URLs for GET only: ask for one byte instead.
    if (res.status === 403 || res.status === 405) {
      res = await fetchRetrying(url, { headers: { range: 'bytes=0-0' } }, opts);
      await res.body?.cancel();
    }
    if (!res.ok) missing.push(`${url} (${res.status})`);
    else opts.log.info(`reachable: ${url}`);
  }
  if (missing.length) {
    throw new ConfigurationError(`installer URL${missing.length === 1 ? '' : 's'} not downloadable: ${missing.join(', ')}`, {
      fix: 'publish the release with these archives attached before submitting (a draft release cannot be downloaded)',
    });
  }
}

/** Downloads each URL and compares its sha256: what the validation pipeline will do, done first. */
export async function verifyDownloads(items: { url: string; sha256: string }[], opts: FetchOptions): Promise<void> {
  const wrong: string[] = [];
  for (const { url, sha256 } of items) {
    const res = await fetchRetrying(url, {}, opts);
    if (!res.ok) {
      await res.body?.cancel();
      wrong.push(`${url}: ${res.status}`);
      continue;
    }
    const hash = createHash('sha256');
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
    const got = hash.digest('hex');
    if (got !== sha256.toLowerCase()) wrong.push(`${url}: sha256 ${got}, expected ${sha256.toLowerCase()}`);
    else opts.log.info(`verified: ${url}`);
  }
  if (wrong.length) throw new ConfigurationError(`downloaded installers do not match their checksums: ${wrong.join('; ')}`, { fix: 'the release assets changed after the checksums were made: rerun publish-release so SHA256SUMS matches the assets' });
}
