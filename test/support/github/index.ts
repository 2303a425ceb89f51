// A loopback GitHub for tests: `const gh = await startStandIn(); ... await gh.close();`
// See README.md beside this file for what it covers and how to use it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Faults, type FaultSpec, type TamperSpec } from './faults.js';
import { Git, gitEnv } from './git.js';
import type { Core } from './http.js';
import { mergePull } from './pulls.js';
import { addToken, addUser, commitFiles, createRepo, getRepo, seedRelease, type CreateRepoOptions, type SeedReleaseOptions } from './seed.js';
import { dispatch, type Dispatcher, type RequestLog } from './server.js';
import { State, type Release, type Repo, type Token, type TokenOptions, type User, type UserOptions } from './state.js';
import type { Violation } from './validate.js';

export type { CreateRepoOptions, FaultSpec, Release, Repo, RequestLog, SeedReleaseOptions, TamperSpec, Token, TokenOptions, User, UserOptions, Violation };
export { githubAssetName } from './assets.js';

/** An Octokit `log` that stays quiet (Octokit logs every 4xx it gets, which tests provoke on purpose). */
export const quietLog = { debug: (): void => undefined, info: (): void => undefined, warn: (): void => undefined, error: (): void => undefined };

export interface StandInOptions {
  users?: (string | UserOptions)[];
  tokens?: TokenOptions[];
  repos?: CreateRepoOptions[];
  /** Polls a new fork answers 404 to before it exists (default 0). */
  forkDelay?: number;
  /** Check requests and responses against GitHub's OpenAPI description (default true). */
  validate?: boolean;
}

export class StandIn {
  /** REST base for Octokit's baseUrl / GITHUB_API_URL (GHES layout: <server>/api/v3). */
  readonly apiUrl: string;
  /** Web and git base for GITHUB_SERVER_URL and clone URLs. */
  readonly serverUrl: string;
  /** Base of the upload host; releases carry it in upload_url. */
  readonly uploadsUrl: string;
  readonly requests: RequestLog[] = [];
  readonly violations: Violation[] = [];
  readonly state: State;
  private readonly faults = new Faults();
  private readonly core: Core;

  constructor(private readonly server: Server, port: number, private readonly root: string, validate: boolean) {
    this.serverUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.serverUrl}/api/v3`;
    this.uploadsUrl = `${this.serverUrl}/api/uploads`;
    this.state = new State();
    const reposRoot = join(root, 'repos');
    const tmp = join(root, 'tmp');
    mkdirSync(tmp, { recursive: true });
    const env = gitEnv(root);
    this.core = {
      st: this.state, git: new Git(env), urls: { api: this.apiUrl, server: this.serverUrl, uploads: this.uploadsUrl }, tmp, reposRoot,
      repoDir: (owner, name) => join(reposRoot, owner.toLowerCase(), `${name.toLowerCase()}.git`),
    };
    const d: Dispatcher = { core: this.core, faults: this.faults, requests: this.requests, violations: this.violations, validate, gitEnv: env };
    server.on('request', (req, res) => {
      dispatch(d, req, res).catch((e: unknown) => {
        this.violations.push({ where: 'response', method: req.method ?? '', path: req.url ?? '', operationId: '(dispatch)', errors: [String((e as Error).stack ?? e)] });
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  }

  addUser(options: string | UserOptions): User {
    return addUser(this.core, options);
  }

  addToken(options: TokenOptions): Token {
    return addToken(this.core, options);
  }

  createRepo(options: CreateRepoOptions): Promise<Repo> {
    return createRepo(this.core, options);
  }

  repo(owner: string, name: string): Repo {
    return getRepo(this.core, owner, name);
  }

  seedRelease(options: SeedReleaseOptions): Promise<Release> {
    return seedRelease(this.core, options);
  }

  /** Commits files (null deletes) on a branch of a repository: "upstream moved". Returns the sha. */
  commitFiles(owner: string, name: string, branch: string, files: Record<string, string | Buffer | null>, message = 'Update files', author?: string): Promise<string> {
    return commitFiles(this.core, owner, name, branch, files, message, author);
  }

  /** Forks created from now on answer 404 to this many requests before they exist. */
  setForkDelay(polls: number): void {
    this.state.forkDelay = polls;
  }

  /** Merges an open pull request into its base branch (fast-forward or merge commit); returns the new base sha. */
  mergePull(owner: string, name: string, number: number, mergedBy?: string): Promise<string> {
    const repo = this.repo(owner, name);
    return mergePull(this.core, repo, number, mergedBy ?? repo.owner);
  }

  /** sha of a ref ("refs/heads/main", "main", a tag), or undefined. */
  resolve(owner: string, name: string, rev: string): Promise<string | undefined> {
    return this.core.git.resolve(this.repo(owner, name).gitDir, rev.startsWith('refs/') ? rev : `${rev}^{commit}`);
  }

  /** A file's content at a revision, or undefined. */
  async readFile(owner: string, name: string, rev: string, path: string): Promise<Buffer | undefined> {
    const r = await this.core.git.run(this.repo(owner, name).gitDir, ['cat-file', 'blob', `${rev}:${path}`]);
    return r.code === 0 ? r.stdout : undefined;
  }

  /** The bare repository directory, for tests that want plain git on it. */
  gitDir(owner: string, name: string): string {
    return this.repo(owner, name).gitDir;
  }

  /** Clone URL; with a token, the x-access-token form actions use. */
  cloneUrl(owner: string, name: string, token?: string): string {
    const auth = token ? `x-access-token:${token}@` : '';
    return `${this.serverUrl.replace('://', `://${auth}`)}/${owner}/${name}.git`;
  }

  /**
   * Environment for git child processes: no user/system config, no prompts, and
   * https://github.com/ rewritten to the stand-in (GIT_CONFIG_COUNT, per process only).
   */
  gitClientEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(this.root, 'gitconfig'), GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: `url.${this.serverUrl}/.insteadOf`, GIT_CONFIG_VALUE_0: 'https://github.com/', ...extra,
    };
  }

  /** Arms a fault: the next `times` matching requests get it instead of the real answer. */
  fail(spec: FaultSpec): void {
    this.faults.add(spec);
  }

  /** Test-only: edit the JSON body of matching responses before validation (to prove validation). */
  tamper(spec: TamperSpec): void {
    this.faults.tamper(spec);
  }

  /** Faults armed but not (fully) consumed yet. */
  pendingFaults(): FaultSpec[] {
    return this.faults.pending();
  }

  /** Requests that changed state (API writes, pushes that moved refs). */
  writes(): number {
    return this.requests.filter((r) => r.write).length;
  }

  /** Returns the recorded violations and forgets them (for tests that provoke one on purpose). */
  takeViolations(): Violation[] {
    return this.violations.splice(0);
  }

  /** Stops the server and removes its repositories; throws if any response or request broke the schema. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    rmSync(this.root, { recursive: true, force: true, maxRetries: 5 });
    if (this.violations.length) {
      const lines = this.violations.map((v) => `${v.where} ${v.method} ${v.path} (${v.operationId}${v.status ? ` ${v.status}` : ''}): ${v.errors.join('; ')}`);
      throw new Error(`GitHub stand-in saw ${this.violations.length} OpenAPI violation(s):\n${lines.join('\n')}`);
    }
  }
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const root = mkdtempSync(join(tmpdir(), 'gh-stand-in-'));
  const server = createServer({ keepAliveTimeout: 1000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const gh = new StandIn(server, (server.address() as AddressInfo).port, root, options.validate !== false);
  for (const u of options.users ?? []) gh.addUser(u);
  for (const t of options.tokens ?? []) gh.addToken(t);
  for (const r of options.repos ?? []) await gh.createRepo(r);
  if (options.forkDelay) gh.setForkDelay(options.forkDelay);
  return gh;
}
