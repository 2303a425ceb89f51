// The GitHub calls of the pull-request flow, through the shared client (throttling, retries,
// GITHUB_API_URL). Reads answer undefined for "not there"; every other failure is explained by
// explain() in terms of what the token must be allowed to do.
import { ConfigurationError } from '../core/errors.js';
import type { GitHubClient } from '../github/client.js';
import type { PullState } from './decide.js';
import { explain } from './explain.js';
import { contentBytes, type TreeEntry, type TreeReader } from './git-tree.js';
import type { FlowFile, Identity, RepoRef } from './types.js';

export interface RepoInfo {
  owner: string;
  repo: string;
  defaultBranch: string;
  private: boolean;
  fork: boolean;
  /** full_name of the repository this one was forked from, and of the network's root. */
  parent?: string;
  source?: string;
  canPush?: boolean;
  /** Classic token scopes (x-oauth-scopes), undefined for other tokens. */
  scopes?: string[];
}

const status = (e: unknown) => (e as { status?: number }).status;
const message = (e: unknown) => String((e as { response?: { data?: { message?: string } } }).response?.data?.message ?? (e as Error).message ?? '');
const name = (r: RepoRef) => `${r.owner}/${r.repo}`;

interface ApiPull {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
  state: string;
  merged_at: string | null;
  merge_commit_sha: string | null;
  head: { sha: string; ref: string; repo: { owner: { login: string } } | null };
  base: { ref: string };
}

const pullState = (p: ApiPull): PullState => ({
  number: p.number, url: p.html_url, title: p.title, body: p.body ?? '', state: p.state === 'open' ? 'open' : 'closed',
  merged: p.merged_at !== null, headSha: p.head.sha, mergeCommitSha: p.merge_commit_sha,
});

export class FlowRemote {
  constructor(private readonly client: GitHubClient) {}

  private get rest() {
    return this.client.octokit.rest;
  }

  private async call<T>(what: string, target: RepoRef, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw explain(e, what, target);
    }
  }

  /** The repository, or undefined when it does not exist (or the token cannot see it). */
  async repo(r: RepoRef): Promise<RepoInfo | undefined> {
    let res;
    try {
      res = await this.rest.repos.get({ owner: r.owner, repo: r.repo });
    } catch (e) {
      if (status(e) === 404) return undefined;
      throw explain(e, `read ${name(r)}`, r);
    }
    const header = res.headers['x-oauth-scopes'];
    const d = res.data;
    return {
      owner: d.owner.login, repo: d.name, defaultBranch: d.default_branch, private: d.private, fork: d.fork,
      parent: d.parent?.full_name, source: d.source?.full_name, canPush: d.permissions?.push,
      scopes: typeof header === 'string' ? header.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    };
  }

  /** The token's user, or undefined for an installation token (GITHUB_TOKEN, GitHub Apps), which acts for no user. */
  async login(): Promise<string | undefined> {
    try {
      return (await this.rest.users.getAuthenticated()).data.login;
    } catch (e) {
      if (status(e) === 403) return undefined;
      throw explain(e, 'read the token\'s user', undefined);
    }
  }

  async accountType(login: string): Promise<string | undefined> {
    try {
      return (await this.rest.users.getByUsername({ username: login })).data.type;
    } catch (e) {
      if (status(e) === 404) return undefined;
      throw explain(e, `look up the account ${login}`, undefined);
    }
  }

  /** sha of a branch, or undefined when it does not exist (or the repository is not ready yet). */
  async branchSha(r: RepoRef, branch: string, opts: { emptyIsMissing?: boolean } = {}): Promise<string | undefined> {
    try {
      return (await this.rest.git.getRef({ owner: r.owner, repo: r.repo, ref: `heads/${branch}` })).data.object.sha;
    } catch (e) {
      if (status(e) === 404 || (status(e) === 409 && opts.emptyIsMissing)) return undefined;
      if (status(e) === 409) {
        throw new ConfigurationError(`${name(r)} has no commits yet, so nothing can be committed to it through the API`, { fix: `create a first commit in ${name(r)} (e.g. a README, from GitHub's web page), then rerun` });
      }
      throw explain(e, `read branch ${branch} of ${name(r)}`, r);
    }
  }

  async commit(r: RepoRef, sha: string): Promise<{ tree: string; parents: string[] }> {
    const c = await this.call(`read commit ${sha} of ${name(r)}`, r, () => this.rest.git.getCommit({ owner: r.owner, repo: r.repo, commit_sha: sha }));
    return { tree: c.data.tree.sha, parents: c.data.parents.map((p) => p.sha) };
  }

  treeReader(r: RepoRef): TreeReader {
    return async (sha) => {
      const t = await this.call(`read tree ${sha} of ${name(r)}`, r, () => this.rest.git.getTree({ owner: r.owner, repo: r.repo, tree_sha: sha }));
      const entries: TreeEntry[] = t.data.tree.map((e) => ({ name: e.path ?? '', mode: e.mode ?? '100644', type: (e.type ?? 'blob') as TreeEntry['type'], sha: e.sha ?? '' }));
      return { entries, truncated: t.data.truncated };
    };
  }

  /** Whether a path (file or directory) exists at a ref (default: the default branch). */
  async exists(r: RepoRef, ref: string | undefined, path: string): Promise<boolean> {
    try {
      await this.rest.repos.getContent({ owner: r.owner, repo: r.repo, path, ...(ref ? { ref } : {}) });
      return true;
    } catch (e) {
      if (status(e) === 404) return false;
      throw explain(e, `read ${path} in ${name(r)}`, r);
    }
  }

  /** Forks the target into `organization` (or the token's account); GitHub answers at once and copies later. */
  async fork(target: RepoRef, organization: string | undefined): Promise<RepoRef> {
    const res = await this.call(`fork ${name(target)}`, target, () =>
      this.rest.repos.createFork({ owner: target.owner, repo: target.repo, default_branch_only: true, ...(organization ? { organization } : {}) }),
    );
    return { owner: res.data.owner.login, repo: res.data.name };
  }

  /** Brings the fork's branch up to date with the upstream's ("Sync fork"). */
  async mergeUpstream(fork: RepoRef, branch: string): Promise<{ result: 'none' | 'fast-forward' | 'merge' | 'conflict' | 'failed'; message: string }> {
    try {
      const res = await this.rest.repos.mergeUpstream({ owner: fork.owner, repo: fork.repo, branch });
      const t = res.data.merge_type;
      return { result: t === 'fast-forward' || t === 'merge' ? t : 'none', message: res.data.message ?? '' };
    } catch (e) {
      if (status(e) === 409) return { result: 'conflict', message: message(e) };
      if (status(e) === 422) return { result: 'failed', message: message(e) };
      throw explain(e, `sync the fork ${name(fork)} with its upstream`, fork);
    }
  }

  /** Writes the files onto `base` in one tree; text goes inline, binary content as a blob first. */
  async createTree(r: RepoRef, base: string, files: FlowFile[]): Promise<string> {
    const tree: { path: string; mode: '100644' | '100755'; type: 'blob'; sha?: string | null; content?: string }[] = [];
    for (const f of files) {
      const mode = f.executable ? ('100755' as const) : ('100644' as const);
      if (f.content === null) tree.push({ path: f.path, mode, type: 'blob' as const, sha: null });
      else if (typeof f.content === 'string') tree.push({ path: f.path, mode, type: 'blob' as const, content: f.content });
      else {
        const data = contentBytes(f.content).toString('base64');
        const blob = await this.call(`write a blob to ${name(r)}`, r, () => this.rest.git.createBlob({ owner: r.owner, repo: r.repo, content: data, encoding: 'base64' }));
        tree.push({ path: f.path, mode, type: 'blob' as const, sha: blob.data.sha });
      }
    }
    const res = await this.call(`write a tree to ${name(r)}`, r, () => this.rest.git.createTree({ owner: r.owner, repo: r.repo, base_tree: base, tree }));
    return res.data.sha;
  }

  async createCommit(r: RepoRef, c: { message: string; tree: string; parents: string[]; committer?: Identity }): Promise<string> {
    const who = c.committer ? { author: c.committer, committer: c.committer } : {};
    const res = await this.call(`write a commit to ${name(r)}`, r, () => this.rest.git.createCommit({ owner: r.owner, repo: r.repo, message: c.message, tree: c.tree, parents: c.parents, ...who }));
    return res.data.sha;
  }

  /** 'exists' when another run created the branch first. */
  async createBranch(r: RepoRef, branch: string, sha: string): Promise<'created' | 'exists'> {
    try {
      await this.rest.git.createRef({ owner: r.owner, repo: r.repo, ref: `refs/heads/${branch}`, sha });
      return 'created';
    } catch (e) {
      if (status(e) === 422 && /already exists/i.test(message(e))) return 'exists';
      throw explain(e, `create branch ${branch} in ${name(r)}`, r);
    }
  }

  /** 'not-fast-forward' when the branch moved since it was read (only without force). */
  async moveBranch(r: RepoRef, branch: string, sha: string, force: boolean): Promise<'moved' | 'not-fast-forward'> {
    try {
      await this.rest.git.updateRef({ owner: r.owner, repo: r.repo, ref: `heads/${branch}`, sha, force });
      return 'moved';
    } catch (e) {
      if (status(e) === 422 && /fast.forward/i.test(message(e))) return 'not-fast-forward';
      throw explain(e, `move branch ${branch} of ${name(r)}`, r);
    }
  }

  /** Pull requests into the target from `headOwner:branch`, newest first, any state. */
  async pulls(target: RepoRef, headOwner: string, branch: string): Promise<PullState[]> {
    const res = await this.call(`list pull requests of ${name(target)}`, target, () =>
      this.rest.pulls.list({ owner: target.owner, repo: target.repo, head: `${headOwner}:${branch}`, state: 'all', per_page: 100, sort: 'created', direction: 'desc' }),
    );
    // Filter again: GitHub ignores `head` in some forms, and a deleted fork leaves head.repo null.
    return (res.data as unknown as ApiPull[])
      .filter((p) => p.head.ref === branch && (p.head.repo === null || p.head.repo.owner.login.toLowerCase() === headOwner.toLowerCase()))
      .map(pullState);
  }

  /** 'exists' when GitHub says a pull request from this head is open already (a concurrent run). */
  async createPull(target: RepoRef, p: { head: string; base: string; title: string; body: string; maintainerCanModify?: boolean }): Promise<PullState | 'exists'> {
    try {
      const res = await this.rest.pulls.create({ owner: target.owner, repo: target.repo, head: p.head, base: p.base, title: p.title, body: p.body, ...(p.maintainerCanModify === undefined ? {} : { maintainer_can_modify: p.maintainerCanModify }) });
      return pullState(res.data as unknown as ApiPull);
    } catch (e) {
      if (status(e) === 422 && /already exists/i.test(JSON.stringify((e as { response?: { data?: unknown } }).response?.data ?? ''))) return 'exists';
      throw explain(e, `open a pull request on ${name(target)}`, target);
    }
  }

  async updatePull(target: RepoRef, number: number, title: string, body: string): Promise<PullState> {
    const res = await this.call(`update pull request #${number} of ${name(target)}`, target, () => this.rest.pulls.update({ owner: target.owner, repo: target.repo, pull_number: number, title, body }));
    return pullState(res.data as unknown as ApiPull);
  }
}
