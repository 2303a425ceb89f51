// State seeding: users, tokens, repositories with files, commits, releases. Tests build the world
// with these and then let the code under test talk to it over HTTP.
import { createHash } from 'node:crypto';
import type { Core } from './http.js';
import { repoKey, type Asset, type Release, type Repo, type Token, type TokenOptions, type User, type UserOptions } from './state.js';

export interface CreateRepoOptions {
  owner: string;
  name: string;
  defaultBranch?: string;
  /** Files of an initial commit on the default branch; without them the repository is empty. */
  files?: Record<string, string | Buffer>;
  private?: boolean;
  /** Repository setting "immutable releases": published releases freeze (assets, tag). */
  immutableReleases?: boolean;
  /** Users with push access besides the owner. */
  collaborators?: string[];
}

export interface SeedAsset {
  name: string;
  data: string | Buffer;
  contentType?: string;
  label?: string;
  downloadCount?: number;
  /** 'open' seeds a broken upload left behind by an earlier run. */
  state?: 'uploaded' | 'open';
}

export interface SeedReleaseOptions {
  owner: string;
  repo: string;
  tag: string;
  name?: string;
  body?: string;
  draft?: boolean;
  prerelease?: boolean;
  /** Branch or sha the tag is created at (default: the default branch). */
  target?: string;
  assets?: SeedAsset[];
  author?: string;
}

export function addUser(core: Core, options: string | UserOptions): User {
  const o = typeof options === 'string' ? { login: options } : options;
  const user = core.st.ensureUser(o.login, o.type ?? 'User');
  if (o.type) user.type = o.type;
  if (o.name !== undefined) user.name = o.name;
  if (o.email !== undefined) user.email = o.email;
  if (o.members) core.st.orgMembers.set(o.login.toLowerCase(), new Set(o.members.map((m) => m.toLowerCase())));
  return user;
}

export function addToken(core: Core, o: TokenOptions): Token {
  const kind = o.kind ?? (o.permissions ? 'fine-grained' : 'classic');
  const login = o.login ?? (kind === 'app' ? 'github-actions[bot]' : undefined);
  if (!login) throw new Error(`token ${o.token}: login is required`);
  core.st.ensureUser(login, login.endsWith('[bot]') ? 'Bot' : 'User');
  const token: Token = {
    token: o.token, login, kind, scopes: o.scopes ?? (kind === 'classic' ? ['repo'] : []),
    permissions: o.permissions ?? (kind === 'classic' ? {} : { contents: 'read' }), repos: o.repos,
  };
  core.st.tokens.set(o.token, token);
  return token;
}

function identity(core: Core, login: string): { name: string; email: string; date: string } {
  const user = core.st.ensureUser(login);
  return { name: user.name ?? user.login, email: user.email ?? `${user.id}+${user.login}@users.noreply.github.com`, date: core.st.now() };
}

export function getRepo(core: Core, owner: string, name: string): Repo {
  const repo = core.st.repo(owner, name);
  if (!repo) throw new Error(`no repository ${owner}/${name} in the stand-in`);
  return repo;
}

/**
 * Commits files (null deletes) on a branch, as the branch's next commit; a missing branch starts
 * from the default branch (or as a root commit in an empty repository). Returns the commit sha.
 */
export async function commitFiles(core: Core, owner: string, name: string, branch: string, files: Record<string, string | Buffer | null>, message: string, author?: string): Promise<string> {
  const repo = getRepo(core, owner, name);
  const { git } = core;
  const ref = `refs/heads/${branch}`;
  const head = await git.resolve(repo.gitDir, ref);
  const parent = head ?? (await git.resolve(repo.gitDir, `refs/heads/${repo.defaultBranch}`));
  const changes = [];
  for (const [path, data] of Object.entries(files)) {
    const sha = data === null ? null : await git.hashObject(repo.gitDir, Buffer.from(data));
    changes.push({ path, mode: '100644', type: 'blob', sha });
  }
  const tree = await git.buildTree(repo.gitDir, core.tmp, parent, changes);
  const who = identity(core, author ?? repo.owner);
  const sha = await git.commitTree(repo.gitDir, tree, parent ? [parent] : [], message, who, who);
  if (!(await git.updateRef(repo.gitDir, ref, sha, head ?? ''))) throw new Error(`${owner}/${name} ${ref} moved while committing`);
  repo.pushedAt = who.date;
  return sha;
}

export async function createRepo(core: Core, o: CreateRepoOptions): Promise<Repo> {
  const { st } = core;
  if (st.repo(o.owner, o.name)) throw new Error(`repository ${o.owner}/${o.name} already exists in the stand-in`);
  const owner = st.ensureUser(o.owner);
  const branch = o.defaultBranch ?? 'main';
  const gitDir = core.repoDir(o.owner, o.name);
  await core.git.init(gitDir, branch);
  const now = st.now();
  const repo: Repo = {
    id: st.id(), owner: owner.login, name: o.name, private: o.private === true, defaultBranch: branch,
    immutableReleases: o.immutableReleases === true, collaborators: new Set(o.collaborators ?? []), gitDir, parent: null,
    pendingPolls: 0, releases: [], pulls: [], immutableTags: new Set(), createdAt: now, pushedAt: now,
  };
  st.repos.set(repoKey(owner.login, o.name), repo);
  if (o.files) await commitFiles(core, owner.login, o.name, branch, o.files, 'Initial commit');
  return repo;
}

export async function seedRelease(core: Core, o: SeedReleaseOptions): Promise<Release> {
  const repo = getRepo(core, o.owner, o.repo);
  const { st, git } = core;
  const draft = o.draft === true;
  if (!draft && !(await git.resolve(repo.gitDir, `refs/tags/${o.tag}`))) {
    const target = await git.resolve(repo.gitDir, `${o.target ?? `refs/heads/${repo.defaultBranch}`}^{commit}`);
    if (!target) throw new Error(`seedRelease: ${o.owner}/${o.repo} has no commit at ${o.target ?? repo.defaultBranch}`);
    await git.updateRef(repo.gitDir, `refs/tags/${o.tag}`, target, '');
  }
  const now = st.now();
  const id = st.id();
  const author = o.author ?? repo.owner;
  const release: Release = {
    id, tagName: o.tag, targetCommitish: o.target ?? repo.defaultBranch, name: o.name ?? o.tag, body: o.body ?? null, draft,
    prerelease: o.prerelease === true, immutable: !draft && repo.immutableReleases, makeLatest: null, author, createdAt: now,
    publishedAt: draft ? null : now, updatedAt: now, assets: [], untaggedId: `untagged-${id.toString(16).padStart(20, '0')}`,
  };
  for (const a of o.assets ?? []) {
    const data = Buffer.from(a.data);
    const open = a.state === 'open';
    const asset: Asset = {
      id: st.id(), releaseId: id, name: a.name, label: a.label ?? null, contentType: a.contentType ?? 'application/octet-stream',
      state: open ? 'open' : 'uploaded', data, digest: open ? null : `sha256:${createHash('sha256').update(data).digest('hex')}`,
      downloadCount: a.downloadCount ?? 0, uploader: author, createdAt: now, updatedAt: now,
    };
    release.assets.push(asset);
  }
  if (release.immutable) repo.immutableTags.add(o.tag);
  repo.releases.push(release);
  return release;
}
