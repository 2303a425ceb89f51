import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { GitHubClient } from './client.js';

export interface UploadedAsset {
  id: number;
  name: string;
  size: number;
  browser_download_url: string;
  digest?: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Expands GitHub's `upload_url` template (`…/assets{?name,label}`) for one asset name. */
export function uploadUrlFor(uploadUrl: string, name: string): string {
  const base = uploadUrl.replace(/\{[^}]*\}$/, '');
  return `${base}?name=${encodeURIComponent(name)}`;
}

/**
 * Streams a file to a release through its `upload_url` (never a hard-coded uploads host, so GHES
 * and the stand-in work). Memory stays flat for large files. Octokit can only resend bodies it
 * holds in memory, so this upload retries itself: the file is reopened for every attempt, with
 * the same rules as the client (retry-after on rate limits, backoff on 5xx and dropped connections).
 */
export async function uploadReleaseAsset(client: GitHubClient, uploadUrl: string, name: string, path: string, size: number, opts: { attempts?: number; onRetry?: (why: string, waitMs: number) => void; fast?: boolean } = {}): Promise<UploadedAsset> {
  const attempts = opts.attempts ?? 4;
  const base = opts.fast ? 10 : 1000;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait = base * attempt * attempt;
    try {
      const res = await fetch(uploadUrlFor(uploadUrl, name), {
        method: 'POST',
        headers: {
          authorization: `token ${client.token}`,
          accept: 'application/vnd.github+json',
          'content-type': 'application/octet-stream',
          'content-length': String(size),
          'user-agent': 'package-actions',
          'x-github-api-version': '2022-11-28',
        },
        body: Readable.toWeb(createReadStream(path)) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      const text = await res.text();
      if (res.status === 201) return JSON.parse(text) as UploadedAsset;
      const retryAfter = Number(res.headers.get('retry-after'));
      const rateLimited = (res.status === 403 || res.status === 429) && (/rate limit/i.test(text) || res.headers.get('x-ratelimit-remaining') === '0');
      const err = Object.assign(new Error(`upload of ${name} failed: ${res.status} ${text.slice(0, 300)}`), { status: res.status, response: { headers: Object.fromEntries(res.headers), data: text } });
      if (!rateLimited && res.status < 500) throw err; // 4xx: not worth repeating
      if (Number.isFinite(retryAfter) && retryAfter > 0) wait = opts.fast ? 10 : retryAfter * 1000;
      lastError = err;
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status !== undefined && status < 500 && status !== 403 && status !== 429) throw e;
      if (status === 403 && !/rate limit/i.test(String((e as Error).message))) throw e;
      lastError = e;
    }
    if (attempt < attempts) {
      opts.onRetry?.(String((lastError as Error)?.message ?? lastError), wait);
      await sleep(wait);
    }
  }
  throw lastError;
}
