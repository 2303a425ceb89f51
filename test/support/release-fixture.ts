import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandIn, type StandIn } from './github/index.js';
import { runBundledActionAsync, type ActionRun } from './run-action.js';

export const OWNER = 'servin';
export const REPO = 'servin';
export const TOKEN = 'ghp_releasetoken0000000000000000000000';

/** A stand-in with the servin/servin repository and a token that may write to it. */
export async function releaseStandIn(opts: { immutable?: boolean; tokens?: Parameters<StandIn['addToken']>[0][] } = {}): Promise<StandIn> {
  return startStandIn({
    users: [OWNER],
    tokens: [{ token: TOKEN, login: OWNER }, ...(opts.tokens ?? [])],
    repos: [{ owner: OWNER, name: REPO, files: { 'README.md': '# servin\n' }, immutableReleases: opts.immutable }],
  });
}

/** A workspace with a config, release archives (real tar.gz of a tiny servin), and a .deb-like file. */
export function releaseWorkspace(version = '0.9.2'): { dir: string; files: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pa-rel-'));
  mkdirSync(join(dir, 'dist'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'servin'), `#!/bin/sh\necho "servin version ${version}"\n`, { mode: 0o755 });
  for (const [os, arch] of [['linux', 'amd64'], ['linux', 'arm64'], ['darwin', 'arm64']]) {
    execFileSync('tar', ['-czf', join(dir, 'dist', `servin_${version}_${os}_${arch}.tar.gz`), '-C', bin, 'servin']);
  }
  writeFileSync(join(dir, 'dist', `servin_${version}-1_amd64.deb`), `not really a deb ${version}\n`);
  writeFileSync(join(dir, 'package-actions.yml'), [
    'name: servin', `version: ${version}`, 'summary: container runtime with a VM mode', 'maintainer: Servin <m@servin.example>',
    'platforms: [{os: linux, arch: amd64}, {os: linux, arch: arm64}, {os: darwin, arch: arm64}]',
    'contents: [{src: bin/servin, dst: /usr/bin/servin}]', '',
  ].join('\n'));
  return { dir, files: 'dist/*' };
}

export function publish(gh: StandIn, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runBundledActionAsync('publish-release', { token: TOKEN, 'tag-prefix': 'v', config: 'package-actions.yml', ...inputs }, {
    env: {
      GITHUB_API_URL: gh.apiUrl,
      GITHUB_SERVER_URL: gh.serverUrl,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      PACKAGE_ACTIONS_FAST_RETRIES: '1',
      SOURCE_DATE_EPOCH: '1700000000',
      GITHUB_TOKEN: '',
      ...env,
    },
  });
}
