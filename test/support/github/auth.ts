// Tokens and access checks. Three token kinds behave like GitHub's:
//  - classic PAT: OAuth scopes, echoed in x-oauth-scopes; a missing scope hides the repo (404);
//  - fine-grained PAT / app installation token (GITHUB_TOKEN): permissions, limited repos,
//    x-accepted-github-permissions on responses, 403 "Resource not accessible by ..." when short.
import type { IncomingHttpHeaders } from 'node:http';
import { ghError, notFound, type Ctx } from './http.js';
import type { RepoPermissions } from './shapes.js';
import type { Access, PermissionName, Repo, State, Token } from './state.js';

/** The token a request carries: `token X`, `Bearer X`, or Basic with the token as password. */
export function tokenFrom(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  if (!header) return undefined;
  const m = /^(\S+)\s+(.+)$/.exec(header.trim());
  if (!m) return undefined;
  const scheme = (m[1] as string).toLowerCase();
  if (scheme === 'token' || scheme === 'bearer') return m[2];
  if (scheme === 'basic') {
    const decoded = Buffer.from(m[2] as string, 'base64').toString();
    const colon = decoded.indexOf(':');
    // GitHub accepts the token as the password (any user name) or, for classic PATs, as the user name.
    return colon >= 0 ? decoded.slice(colon + 1) || decoded.slice(0, colon) : decoded;
  }
  return undefined;
}

/** The caller's role on a repository, from ownership and collaborators. */
export function role(st: State, login: string | undefined, repo: Repo): 'admin' | 'write' | 'read' | 'none' {
  if (login && login.toLowerCase() === repo.owner.toLowerCase()) return 'admin';
  if (login && [...repo.collaborators].some((c) => c.toLowerCase() === login.toLowerCase())) return 'write';
  const owner = st.user(repo.owner);
  if (login && owner?.type === 'Organization' && st.orgMembers.get(owner.login.toLowerCase())?.has(login.toLowerCase())) return 'write';
  return repo.private ? 'none' : 'read';
}

/** The role a token acts with: the user's role, or for an app installation token the repos it covers. */
export function effectiveRole(st: State, token: Token | null, repo: Repo): 'admin' | 'write' | 'read' | 'none' {
  if (token?.kind === 'app') return tokenCovers(token, repo) ? 'write' : repo.private ? 'none' : 'read';
  return role(st, token?.login, repo);
}

export function tokenCovers(token: Token, repo: Repo): boolean {
  if (token.kind === 'classic' || token.repos === undefined) return true;
  return token.repos.some((r) => r.toLowerCase() === `${repo.owner}/${repo.name}`.toLowerCase());
}

function tokenGrants(token: Token, perm: PermissionName, access: Access, repo: Repo): boolean {
  if (token.kind === 'classic') return token.scopes.includes('repo') || (!repo.private && token.scopes.includes('public_repo')) || access === 'read';
  if (!tokenCovers(token, repo)) return access === 'read' && !repo.private;
  const granted = perm === 'metadata' ? 'read' : token.permissions[perm];
  return granted === 'write' || (granted === 'read' && access === 'read');
}

/** The `permissions` object of GET /repos: the user's role, narrowed by what the token may do. */
export function repoPermissions(st: State, token: Token | null, repo: Repo): RepoPermissions | undefined {
  if (!token) return undefined;
  const r = effectiveRole(st, token, repo);
  const canWrite = tokenGrants(token, 'contents', 'write', repo);
  const push = (r === 'admin' || r === 'write') && canWrite;
  const admin = r === 'admin' && (token.kind === 'classic' ? canWrite : token.permissions.administration === 'write' && tokenCovers(token, repo));
  return { admin, maintain: admin, push, triage: push, pull: r !== 'none' };
}

export function notAccessible(token: Token, accepted: string): never {
  const who = token.kind === 'app' ? 'integration' : 'personal access token';
  throw ghError(403, `Resource not accessible by ${who}`, {}, { 'x-accepted-github-permissions': accepted });
}

export interface Need {
  perm: PermissionName;
  access: Access;
  /** Role the user needs on the repo: 'write' (default for writes) or 'read' (open a PR, fork). */
  role?: 'read' | 'write';
}

/**
 * The repository a request names, if the caller may do `need` on it; otherwise the error GitHub
 * gives: 404 for what the caller can't see, 401 without a token, 403 for a short fine-grained token.
 */
export function accessRepo(ctx: Ctx, need: Need, owner = ctx.params.owner as string, name = ctx.params.repo as string): Repo {
  const st = ctx.core.st;
  const accepted = `${need.perm}=${need.access}`;
  const token = ctx.token;
  if (token && token.kind !== 'classic') ctx.extraHeaders['x-accepted-github-permissions'] = accepted;
  if (token && token.kind === 'classic') ctx.extraHeaders['x-accepted-oauth-scopes'] = need.access === 'write' ? 'public_repo, repo' : '';
  const repo = st.repo(owner, name);
  if (!repo) throw notFound();
  if (repo.pendingPolls > 0) {
    repo.pendingPolls--;
    throw notFound();
  }
  const r = effectiveRole(st, token, repo);
  if (r === 'none') throw notFound();
  if (token && repo.private && !tokenCovers(token, repo)) throw notFound();
  if (need.access === 'read') {
    if (token && token.kind !== 'classic' && repo.private && !tokenGrants(token, need.perm, 'read', repo)) notAccessible(token, accepted);
    if (token && token.kind === 'classic' && repo.private && !token.scopes.includes('repo')) throw notFound();
    return repo;
  }
  if (!token) throw ghError(401, 'Requires authentication');
  if (!tokenGrants(token, need.perm, 'write', repo)) {
    if (token.kind === 'classic') throw notFound();
    notAccessible(token, accepted);
  }
  const needRole = need.role ?? 'write';
  if (needRole === 'write' && r !== 'admin' && r !== 'write') {
    if (token.kind === 'classic') throw notFound();
    notAccessible(token, accepted);
  }
  return repo;
}

/** Whether the caller may see drafts and other push-only data of a repository. */
export function canPush(ctx: Ctx, repo: Repo): boolean {
  return repoPermissions(ctx.core.st, ctx.token, repo)?.push === true;
}

/** Headers every authenticated response carries for the token (scopes for classic PATs). */
export function tokenHeaders(token: Token | null): Record<string, string> {
  if (!token || token.kind !== 'classic') return {};
  return { 'x-oauth-scopes': token.scopes.join(', ') };
}
