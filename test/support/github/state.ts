// In-memory state of the stand-in: users, tokens, repositories (their git data lives in real bare
// repos on disk, see git.ts), releases, assets and pull requests.

export type Access = 'read' | 'write';
/** Fine-grained permission names we model (GitHub has more; unknown ones are simply never granted). */
export type PermissionName = 'contents' | 'pull_requests' | 'metadata' | 'administration' | 'workflows';

export type UserType = 'User' | 'Organization' | 'Bot';

export interface UserOptions {
  login: string;
  type?: UserType;
  name?: string;
  email?: string;
  /** Organizations: members, who get push access to the organization's repositories. */
  members?: string[];
}

export interface User {
  id: number;
  login: string;
  type: UserType;
  name: string | null;
  email: string | null;
  createdAt: string;
}

export interface TokenOptions {
  token: string;
  /** The user the token acts as (created if missing). App tokens act as `github-actions[bot]` by default. */
  login?: string;
  /** classic: OAuth scopes (x-oauth-scopes); fine-grained / app: permissions (x-accepted-github-permissions). */
  kind?: 'classic' | 'fine-grained' | 'app';
  scopes?: string[];
  permissions?: Partial<Record<PermissionName, Access>>;
  /** Repositories ("owner/name") a fine-grained or app token is limited to; undefined = all. */
  repos?: string[];
}

export interface Token {
  token: string;
  login: string;
  kind: 'classic' | 'fine-grained' | 'app';
  scopes: string[];
  permissions: Partial<Record<PermissionName, Access>>;
  repos: string[] | undefined;
}

export interface Asset {
  id: number;
  releaseId: number;
  name: string;
  label: string | null;
  contentType: string;
  /** 'open' = an upload that never finished (GitHub lists these and they block the name). */
  state: 'uploaded' | 'open';
  data: Buffer;
  digest: string | null;
  downloadCount: number;
  uploader: string;
  createdAt: string;
  updatedAt: string;
}

export interface Release {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable: boolean;
  makeLatest: boolean | null;
  author: string;
  createdAt: string;
  publishedAt: string | null;
  updatedAt: string;
  assets: Asset[];
  /** Drafts have no tag yet; their html_url uses this placeholder as GitHub does. */
  untaggedId: string;
}

export interface Pull {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  /** Head repository ("owner/name", as keyed in State.repos) and branch. */
  headRepo: string;
  headRef: string;
  baseRef: string;
  user: string;
  maintainerCanModify: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  mergedBy: string | null;
}

export interface Repo {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  defaultBranch: string;
  immutableReleases: boolean;
  /** Users with push access besides the owner (org repos: members added here). */
  collaborators: Set<string>;
  /** Bare repository on disk. */
  gitDir: string;
  /** Key ("owner/name" lowercased) of the repository this is a fork of. */
  parent: string | null;
  /** Requests that still see 404 before a new fork "finishes" (GitHub forks asynchronously). */
  pendingPolls: number;
  releases: Release[];
  pulls: Pull[];
  /** Tags that once belonged to a published immutable release: they can never be reused. */
  immutableTags: Set<string>;
  createdAt: string;
  pushedAt: string;
}

export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

export class State {
  readonly users = new Map<string, User>();
  readonly tokens = new Map<string, Token>();
  readonly repos = new Map<string, Repo>();
  /** Organization login (lowercase) → member logins (lowercase); members can push to its repos. */
  readonly orgMembers = new Map<string, Set<string>>();
  /** One counter for every numeric id, like GitHub's global ids: ids never collide across kinds. */
  private nextId = 1000;
  /** Issue and PR numbers share one sequence per repository on GitHub. */
  readonly numbers = new Map<string, number>();
  forkDelay = 0;
  /** Stand-in clock; tests that need ordering can move it (`gh.state.clock = ...`). */
  clock = Date.parse('2026-01-01T00:00:00Z');

  id(): number {
    return this.nextId++;
  }

  /** ISO time without milliseconds (GitHub's format); each call is one second later, so order is stable. */
  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  user(login: string): User | undefined {
    return this.users.get(login.toLowerCase());
  }

  ensureUser(login: string, type: UserType = 'User'): User {
    const found = this.user(login);
    if (found) return found;
    const user: User = { id: this.id(), login, type, name: null, email: null, createdAt: this.now() };
    this.users.set(login.toLowerCase(), user);
    return user;
  }

  repo(owner: string, name: string): Repo | undefined {
    return this.repos.get(repoKey(owner, name));
  }

  nextNumber(repo: Repo): number {
    const key = repoKey(repo.owner, repo.name);
    const n = (this.numbers.get(key) ?? 0) + 1;
    this.numbers.set(key, n);
    return n;
  }

  /** Every asset id is unique across repos, so a lookup by id alone is enough. */
  findAsset(repo: Repo, id: number): { release: Release; asset: Asset } | undefined {
    for (const release of repo.releases) {
      const asset = release.assets.find((a) => a.id === id);
      if (asset) return { release, asset };
    }
    return undefined;
  }
}
