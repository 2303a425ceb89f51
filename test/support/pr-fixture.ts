// A world for the pull-request channels: the servin release repository with a published release
// (archives + SHA256SUMS), servin's own tap, microsoft/winget-pkgs, a bot account with its own
// token, and helpers to run the bundled actions and clone what they wrote.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Octokit } from '@octokit/rest';
import { quietLog, startStandIn, type StandIn, type TokenOptions } from './github/index.js';
import { runBundledActionAsync, type ActionRun } from './run-action.js';

const run = promisify(execFile);

export const OWNER = 'servin';
export const REPO = 'servin';
export const BOT = 'servin-bot';
/** servin's classic token (repo scope): owns servin/servin and servin/homebrew-tap. */
export const OWNER_TOKEN = 'ghp_servinowner000000000000000000000000';
/** The bot's classic token with public_repo: pushes to nothing of servin's, forks instead. */
export const BOT_TOKEN = 'ghp_servinbot0000000000000000000000000000';
export const TAP = { owner: OWNER, repo: 'homebrew-tap' };
export const WINGET = { owner: 'microsoft', repo: 'winget-pkgs' };
export const VERSION = '0.9.2';
export const TAG = `v${VERSION}`;

export const PLATFORMS = [
  ['linux', 'amd64'], ['linux', 'arm64'], ['darwin', 'amd64'], ['darwin', 'arm64'], ['windows', 'amd64'], ['windows', 'arm64'],
] as const;

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export function archiveName(os: string, arch: string, version = VERSION): string {
  return `servin_${version}_${os}_${arch}.${os === 'windows' ? 'zip' : 'tar.gz'}`;
}

/** Stand-in bytes for each archive: the actions only hash and link them. */
export function archiveData(os: string, arch: string, version = VERSION): Buffer {
  return Buffer.from(`servin ${version} for ${os}/${arch}\n`);
}

export async function prStandIn(opts: { tokens?: TokenOptions[]; forkDelay?: number; wingetFiles?: Record<string, string> } = {}): Promise<StandIn> {
  return startStandIn({
    users: [OWNER, BOT, { login: 'microsoft', type: 'Organization' }],
    tokens: [{ token: OWNER_TOKEN, login: OWNER }, { token: BOT_TOKEN, login: BOT, scopes: ['public_repo'] }, ...(opts.tokens ?? [])],
    repos: [
      { owner: OWNER, name: REPO, files: { 'README.md': '# servin\n' } },
      { owner: TAP.owner, name: TAP.repo, files: { 'README.md': '# servin tap\n' } },
      {
        owner: WINGET.owner, name: WINGET.repo, defaultBranch: 'master',
        files: { 'README.md': '# winget-pkgs\n', 'manifests/m/Microsoft/Edge/1.0.0/Microsoft.Edge.yaml': 'PackageIdentifier: Microsoft.Edge\n', ...opts.wingetFiles },
      },
    ],
    forkDelay: opts.forkDelay,
  });
}

/** Publishes the release with every archive and a SHA256SUMS over them (or over `sums` when given). */
export async function seedServinRelease(gh: StandIn, o: { version?: string; omit?: string[]; sums?: Record<string, string>; draft?: boolean } = {}): Promise<Record<string, string>> {
  const version = o.version ?? VERSION;
  const assets = PLATFORMS.map(([os, arch]) => ({ name: archiveName(os, arch, version), data: archiveData(os, arch, version) }));
  const sums: Record<string, string> = o.sums ?? Object.fromEntries(assets.map((a) => [a.name, sha256(a.data)]));
  const text = Object.entries(sums).sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, h]) => `${h}  ${n}\n`).join('');
  await gh.seedRelease({
    owner: OWNER, repo: REPO, tag: `v${version}`, draft: o.draft,
    assets: [...assets.filter((a) => !o.omit?.includes(a.name)), { name: 'SHA256SUMS', data: text }],
  });
  return sums;
}

export const CONFIG = (extra = '') => [
  'name: servin',
  `version: ${VERSION}`,
  'summary: container runtime with a lightweight virtual machine mode',
  'description: Servin runs OCI containers, or a small VM when stronger isolation is needed.',
  'homepage: https://servin.example',
  'license: Apache-2.0',
  'maintainer: Servin Maintainers <maintainers@servin.example>',
  'vendor: Servin Project',
  `platforms: [${PLATFORMS.map(([os, arch]) => `{os: ${os}, arch: ${arch}}`).join(', ')}]`,
  'contents: [{src: "bin/servin", dst: /usr/bin/servin, file_info: {mode: "0755"}}]',
  'winget:',
  '  package_identifier: Servin.Servin',
  '  package_name: Servin',
  '  short_description: Container runtime with a lightweight virtual machine mode',
  '  commands: [servin]',
  extra,
  '',
].join('\n');

/** A working directory with the config (and the archives, for the `files` input). */
export function prWorkspace(extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'pa-pr-'));
  writeFileSync(join(dir, 'package-actions.yml'), CONFIG(extra));
  mkdirSync(join(dir, 'dist'));
  for (const [os, arch] of PLATFORMS) writeFileSync(join(dir, 'dist', archiveName(os, arch)), archiveData(os, arch));
  return dir;
}

export function runChannel(gh: StandIn, action: 'update-homebrew-tap' | 'submit-winget-pr', dir: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runBundledActionAsync(action, { 'working-directory': dir, config: 'package-actions.yml', version: VERSION, ...inputs }, {
    env: {
      GITHUB_API_URL: gh.apiUrl,
      GITHUB_SERVER_URL: gh.serverUrl,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_REF: '',
      GITHUB_TOKEN: '',
      PACKAGE_ACTIONS_FAST_RETRIES: '1',
      ...env,
    },
  });
}

export const octokit = (gh: StandIn, token: string) => new Octokit({ baseUrl: gh.apiUrl, auth: token, log: quietLog });

/** Clones one branch with real git (asynchronously: the stand-in shares this event loop). */
export async function cloneBranch(gh: StandIn, owner: string, repo: string, branch: string): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'pa-clone-')), repo);
  await run('git', ['clone', '--quiet', '--branch', branch, gh.cloneUrl(owner, repo), dir], { env: { ...process.env, ...gh.gitClientEnv() } });
  return dir;
}

export async function git(dir: string, ...args: string[]): Promise<string> {
  return (await run('git', ['-C', dir, ...args])).stdout.trim();
}

/** The errors and warnings an action printed as workflow commands. */
export const annotations = (r: ActionRun, kind: 'error' | 'warning') => r.stdout.split('\n').filter((l) => l.startsWith(`::${kind}`));
