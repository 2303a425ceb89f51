import { ConfigurationError, ExternalError } from '../core/errors.js';
import { explainGitHubError } from '../github/errors.js';
import type { RepoRef } from './types.js';

interface HttpErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** What each kind of token needs for the pull-request flow (pains 5 and 9 in one sentence each). */
export const TOKEN_NEEDS =
  'a classic token needs the public_repo scope (repo for a private repository); a fine-grained token needs Contents and Pull requests: Read and write on the repository it pushes to, and GitHub does not let it open pull requests on another owner\'s repository (use a classic token for that); GITHUB_TOKEN can only write to the workflow\'s own repository';

/**
 * Turns a failed call into what the user must change: 403/404 name the token's needs for the
 * target, 5xx (after the client's retries) is GitHub's trouble and a rerun is the fix.
 */
export function explain(e: unknown, what: string, target: RepoRef | undefined): unknown {
  const err = e as HttpErrorLike;
  if (typeof err?.status !== 'number') return e;
  const on = target ? ` for ${target.owner}/${target.repo}` : '';
  if (err.status === 403 && !/rate limit/i.test(err.message ?? '')) {
    const accepted = err.response?.headers?.['x-accepted-github-permissions'];
    const scopes = err.response?.headers?.['x-oauth-scopes'];
    const needs = accepted ? ` GitHub says it needs: ${String(accepted).replace(/=/g, ': ')}.` : '';
    const has = scopes !== undefined ? ` The token's scopes: ${String(scopes) || '(none)'}.` : '';
    return new ConfigurationError(`the token may not ${what} (403 ${err.message ?? 'Forbidden'}).${needs}${has}`, { fix: `use a token that may${on}: ${TOKEN_NEEDS}`, cause: e });
  }
  if (err.status === 404) {
    return new ConfigurationError(`GitHub answered 404 while trying to ${what}: it does not exist, or the token cannot see it (a classic token without the needed scope gets 404 too)`, {
      fix: `check the repository and branch names; ${TOKEN_NEEDS}`,
      cause: e,
    });
  }
  if (err.status >= 500) return new ExternalError(`GitHub failed to ${what} (${err.status}) after retries; rerun the job`, { cause: e });
  return explainGitHubError(e, what);
}
