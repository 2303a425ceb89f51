import { ConfigurationError } from '../core/errors.js';

interface HttpErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function header(e: HttpErrorLike, name: string): string | undefined {
  const v = e.response?.headers?.[name];
  return v === undefined ? undefined : String(v);
}

/**
 * Turns GitHub's bare 401/403/404 into what the user must change. Other errors are returned as
 * they are (they are bugs or outages, not configuration).
 */
export function explainGitHubError(e: unknown, what: string, need?: string): unknown {
  const err = e as HttpErrorLike;
  if (typeof err?.status !== 'number') return e;
  const accepted = header(err, 'x-accepted-github-permissions');
  const scopes = header(err, 'x-oauth-scopes');
  if (err.status === 401) {
    return new ConfigurationError(`GitHub rejected the token while trying to ${what} (401 Bad credentials)`, { fix: 'the token is expired, revoked or mistyped: create a new one and update the secret', cause: e });
  }
  if (err.status === 403 && !/rate limit/i.test(err.message ?? '')) {
    const needs = accepted ? ` GitHub says it needs: ${accepted.replace(/=/g, ': ')}.` : '';
    const has = scopes !== undefined ? ` The token's scopes: ${scopes || '(none)'}.` : '';
    return new ConfigurationError(`the token may not ${what} (403 ${err.message ?? 'Forbidden'}).${needs}${has}`, {
      fix: need
        ? `give the token ${need}: for GITHUB_TOKEN add \`permissions: ${need}\` to the job; a fine-grained token needs that repository permission; a classic token needs the repo (or public_repo) scope`
        : 'give the token write access to the repository',
      cause: e,
    });
  }
  if (err.status === 404) {
    return new ConfigurationError(`GitHub answered 404 while trying to ${what}: the repository does not exist or the token cannot see it`, {
      fix: 'check the repository name; GITHUB_TOKEN only reaches the workflow\'s own repository, so use a personal access token or a GitHub App token for another one',
      cause: e,
    });
  }
  return e;
}
