// Git smart-HTTP on the stand-in's port: `git http-backend` run as a CGI program, with GitHub's
// token auth (Basic, password = token; scheme compared case-insensitively, as actions/checkout
// sends "basic"). Clone without credentials works for public repos; push always needs a token with
// write access, otherwise 401 (git asks for credentials) or 403.
import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { effectiveRole, tokenCovers } from './auth.js';
import type { Core } from './http.js';
import type { Repo, Token } from './state.js';

const GIT_PATH = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/(info\/refs|git-upload-pack|git-receive-pack)$/;

export function isGitPath(pathname: string): boolean {
  return GIT_PATH.test(pathname);
}

function text(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): number {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
  return status;
}

function mayWrite(core: Core, token: Token, repo: Repo): boolean {
  const r = effectiveRole(core.st, token, repo);
  if (r !== 'admin' && r !== 'write') return false;
  if (token.kind === 'classic') return token.scopes.includes('repo') || (!repo.private && token.scopes.includes('public_repo'));
  return tokenCovers(token, repo) && token.permissions.contents === 'write';
}

/**
 * Serves one smart-HTTP request. `token` is the resolved token (null = none sent, undefined = sent
 * but unknown). Calls `onPush` when a push changed refs. Returns the status sent.
 */
export async function serveGit(core: Core, req: IncomingMessage, res: ServerResponse, url: URL, env: NodeJS.ProcessEnv, token: Token | null | undefined, onPush: () => void): Promise<number> {
  const m = GIT_PATH.exec(url.pathname) as RegExpExecArray;
  const challenge = { 'www-authenticate': 'Basic realm="GitHub"' };
  if (token === undefined) return text(res, 401, 'Invalid username or token. Password authentication is not supported for Git operations.\n', challenge);
  const repo = core.st.repo(decodeURIComponent(m[1] as string), decodeURIComponent(m[2] as string));
  const service = m[3] === 'info/refs' ? url.searchParams.get('service') : m[3];
  const push = service === 'git-receive-pack';
  const visible = repo && repo.pendingPolls === 0 && (!repo.private || (token && effectiveRole(core.st, token, repo) !== 'none'));
  if (repo && repo.pendingPolls > 0) repo.pendingPolls--;
  if (!visible) {
    // Without credentials GitHub can't tell "private" from "missing": it asks for them first.
    if (!token) return text(res, 401, 'Authentication required\n', challenge);
    return text(res, 404, 'Repository not found.\n');
  }
  if (push && !token) return text(res, 401, 'Authentication required\n', challenge);
  if (push && token && !mayWrite(core, token, repo)) return text(res, 403, `Permission to ${repo.owner}/${repo.name}.git denied to ${token.login}.\n`);

  const before = push && req.method === 'POST' ? JSON.stringify([...(await core.git.refs(repo.gitDir))]) : '';
  const cgiEnv: NodeJS.ProcessEnv = {
    ...env,
    GIT_PROJECT_ROOT: core.reposRoot, GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: `/${repo.owner.toLowerCase()}/${repo.name.toLowerCase()}.git/${m[3]}`,
    REQUEST_METHOD: req.method ?? 'GET', QUERY_STRING: url.search.replace(/^\?/, ''),
    CONTENT_TYPE: req.headers['content-type'] ?? '', REMOTE_ADDR: '127.0.0.1', REMOTE_USER: token?.login ?? '',
    GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.receivepack', GIT_CONFIG_VALUE_0: 'true',
  };
  if (req.headers['content-length']) cgiEnv.CONTENT_LENGTH = req.headers['content-length'];
  if (req.headers['content-encoding']) cgiEnv.HTTP_CONTENT_ENCODING = req.headers['content-encoding'];
  if (req.headers['git-protocol']) cgiEnv.GIT_PROTOCOL = String(req.headers['git-protocol']);

  const status = await new Promise<number>((resolve, reject) => {
    const child = spawn('git', ['http-backend'], { env: cgiEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let head = Buffer.alloc(0);
    let started = false;
    let code = 200;
    child.on('error', reject);
    child.stderr.on('data', () => undefined);
    child.stdin.on('error', () => undefined);
    req.pipe(child.stdin);
    child.stdout.on('data', (chunk: Buffer) => {
      if (started) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const sep = head.indexOf('\r\n\r\n') >= 0 ? head.indexOf('\r\n\r\n') : head.indexOf('\n\n');
      if (sep < 0) return;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, sep).toString().split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const key = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (key === 'status') code = Number.parseInt(value, 10);
        else headers[key] = value;
      }
      started = true;
      res.writeHead(code, headers);
      const rest = head.subarray(sep + (head[sep] === 13 ? 4 : 2));
      if (rest.length) res.write(rest);
    });
    child.on('close', () => {
      if (!started) res.writeHead(502);
      res.end();
      resolve(started ? code : 502);
    });
  });
  if (before && JSON.stringify([...(await core.git.refs(repo.gitDir))]) !== before) {
    repo.pushedAt = core.st.now();
    onPush();
  }
  return status;
}
