import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { ConfigurationError } from '../core/errors.js';

/** What the client reports while it waits; ActionIO fits. */
export interface ClientLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

/** Throttling first, then retry: only in this order is `retry-after` honoured for 429s. */
const PackageOctokit = Octokit.plugin(throttling, retry);
export type GitHubOctokit = InstanceType<typeof PackageOctokit>;

export interface GitHubClient {
  octokit: GitHubOctokit;
  /** REST base, e.g. https://api.github.com or https://ghes.example/api/v3. */
  apiUrl: string;
  /** Web base, e.g. https://github.com: release download links and git URLs are built from it. */
  serverUrl: string;
  token: string;
}

export interface ClientOptions {
  token: string;
  env: NodeJS.ProcessEnv;
  log: ClientLog;
  /** Attempts after a rate limit before giving up (default 4). */
  rateLimitRetries?: number;
}

/**
 * The one way package-actions reaches GitHub: GITHUB_API_URL / GITHUB_SERVER_URL (so GHES
 * works), throttling that honours retry-after and secondary rate limits, and retries of 5xx and
 * dropped connections. PACKAGE_ACTIONS_FAST_RETRIES=1 shrinks every wait to milliseconds and
 * drops the write pacing: for tests against the loopback stand-in only.
 */
export function createGitHubClient({ token, env, log, rateLimitRetries = 4 }: ClientOptions): GitHubClient {
  if (!token) throw new ConfigurationError('no GitHub token', { fix: 'pass token: ${{ secrets.GITHUB_TOKEN }} (or a personal access token for another repository)' });
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const fast = env.PACKAGE_ACTIONS_FAST_RETRIES === '1';
  const onLimit = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount >= rateLimitRetries) {
      log.warning(`${kind} rate limit on ${options.method} ${options.url}: giving up after ${retryCount} retries`);
      return false;
    }
    log.warning(`${kind} rate limit on ${options.method} ${options.url}: retrying in ${retryAfter} s (attempt ${retryCount + 1} of ${rateLimitRetries})`);
    return true;
  };
  const fastGroups = fast
    ? {
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        search: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      }
    : {};
  const octokit = new PackageOctokit({
    auth: token,
    baseUrl: apiUrl,
    userAgent: 'package-actions',
    log: { debug: (m: string) => log.debug(m), info: (m: string) => log.debug(m), warn: (m: string) => log.debug(m), error: (m: string) => log.debug(m) },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      ...(fast ? { retryAfterBaseValue: 10, fallbackSecondaryRateRetryAfter: 0.01 } : {}),
      ...fastGroups,
    },
    retry: fast ? { retryAfterBaseValue: 10 } : {},
  });
  return { octokit, apiUrl, serverUrl, token };
}

/** owner/name from an input or GITHUB_REPOSITORY. */
export function parseRepository(value: string | undefined, field = 'repository'): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value ?? '');
  if (!m) throw new ConfigurationError(`${field} must be owner/name, got "${value ?? ''}"`, { fix: 'e.g. servin/servin; in a workflow it defaults to the current repository' });
  return { owner: m[1] as string, repo: m[2] as string };
}
