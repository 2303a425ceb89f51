import { ConfigurationError } from '../core/errors.js';
import type { GitHubClient } from './client.js';
import { explainGitHubError } from './errors.js';

export type RepoAccess = 'read' | 'write';

export interface PreflightResult {
  /** What GitHub told us about the token's rights on the repository, when it did. */
  canPush?: boolean;
  scopes?: string[];
  defaultBranch: string;
  private: boolean;
}

/**
 * Checks before any write that the token can see the repository and, where GitHub tells us,
 * push to it: a clear "missing contents: write" beats a bare 403 halfway through a release.
 * Installation tokens (GITHUB_TOKEN) do not reveal their permissions; for them a later 403 is
 * explained by explainGitHubError instead.
 */
export async function preflightRepo(client: GitHubClient, owner: string, repo: string, access: RepoAccess): Promise<PreflightResult> {
  let res;
  try {
    res = await client.octokit.rest.repos.get({ owner, repo });
  } catch (e) {
    throw explainGitHubError(e, `read ${owner}/${repo}`, access === 'write' ? 'contents: write' : 'contents: read');
  }
  const scopesHeader = res.headers['x-oauth-scopes'];
  const scopes = typeof scopesHeader === 'string' ? scopesHeader.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  const canPush = res.data.permissions?.push;
  const result: PreflightResult = { canPush, scopes, defaultBranch: res.data.default_branch, private: res.data.private };
  if (access === 'write') {
    if (scopes && !scopes.includes('repo') && !(scopes.includes('public_repo') && !res.data.private)) {
      throw new ConfigurationError(`the token cannot write to ${owner}/${repo}: its scopes are ${scopes.join(', ') || '(none)'}`, {
        fix: res.data.private ? 'a classic token needs the repo scope' : 'a classic token needs the public_repo (or repo) scope',
      });
    }
    if (canPush === false) {
      throw new ConfigurationError(`the token can read ${owner}/${repo} but not write to it (contents: write is missing)`, {
        fix: 'add `permissions: contents: write` to the job for GITHUB_TOKEN, or grant Contents: Read and write to the fine-grained token',
      });
    }
  }
  return result;
}
