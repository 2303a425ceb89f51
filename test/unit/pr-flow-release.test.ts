// Which release a channel points at, its archive names and URLs, and checksums never guessed.
import { describe, expect, test } from '@jest/globals';
import { parseConfig } from '../../src/config/index.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { Inputs } from '../../src/core/inputs.js';
import type { ActionIO } from '../../src/core/io.js';
import { downloadUrl, pickChecksums, PR_FLOW_INPUTS, readFlowInputs, releaseArchives, releaseTag } from '../../src/pr-flow/index.js';
import { parseVersion } from '../../src/version/index.js';

const CONFIG = [
  'name: servin', 'summary: s', 'maintainer: M <m@x.example>',
  'platforms: [{os: linux, arch: amd64}, {os: darwin, arch: arm64}, {os: windows, arch: amd64}, {os: windows, arch: arm64}]',
  'contents: [{src: bin/servin, dst: /usr/bin/servin}]',
];

describe('releaseTag', () => {
  const env = {};
  test('tag input, else version + prefix, else the pushed tag, else the config\'s version', () => {
    expect(releaseTag({ tag: 'v1.2.3', prefix: 'v', env })).toMatchObject({ tag: 'v1.2.3', version: { version: '1.2.3' } });
    expect(releaseTag({ version: '1.2.3', prefix: 'v', env })).toMatchObject({ tag: 'v1.2.3', version: { version: '1.2.3' } });
    expect(releaseTag({ version: 'v1.2.3', prefix: 'release-', env }).tag).toBe('release-1.2.3');
    expect(releaseTag({ prefix: 'v', env: { GITHUB_REF: 'refs/tags/v2.0.0-rc.1' } })).toMatchObject({ tag: 'v2.0.0-rc.1', version: { version: '2.0.0-rc.1', isPrerelease: true } });
    expect(releaseTag({ prefix: 'v', configVersion: '0.9.2', env: { GITHUB_REF: 'refs/heads/main' } }).tag).toBe('v0.9.2');
  });
  test('nothing to go on is a configuration error', () => {
    expect(() => releaseTag({ prefix: 'v', env })).toThrow(ConfigurationError);
  });
});

describe('releaseArchives and downloadUrl', () => {
  test('default names, per OS, with the windows zip', () => {
    const loaded = parseConfig(`${CONFIG.join('\n')}\n`, 'pkg.yml', '/repo');
    const v = parseVersion('1.2.3');
    expect(releaseArchives(loaded, v, ['windows']).map((a) => a.assetName)).toEqual(['servin_1.2.3_windows_amd64.zip', 'servin_1.2.3_windows_arm64.zip']);
    expect(releaseArchives(loaded, v, ['linux', 'darwin']).map((a) => a.assetName)).toEqual(['servin_1.2.3_linux_amd64.tar.gz', 'servin_1.2.3_darwin_arm64.tar.gz']);
  });
  test('a custom archives.name is followed, and the name GitHub gives the asset is used', () => {
    const loaded = parseConfig(`${[...CONFIG, 'archives: {name: "{{ .Name }}-{{ .Version }}-{{ .Os }}~{{ .Arch }}"}'].join('\n')}\n`, 'pkg.yml', '/repo');
    const [a] = releaseArchives(loaded, parseVersion('1.2.3'), ['linux']);
    expect(a).toMatchObject({ fileName: 'servin-1.2.3-linux~amd64.tar.gz', assetName: 'servin-1.2.3-linux.amd64.tar.gz' });
  });
  test('URLs are the release download links on the server (GHES too), with the tag escaped per segment', () => {
    expect(downloadUrl('https://github.com/', 'servin/servin', 'v1.2.3', 'a b.zip')).toBe('https://github.com/servin/servin/releases/download/v1.2.3/a%20b.zip');
    expect(downloadUrl('https://ghes.example', 'o/r', 'tools/v1+x', 'f')).toBe('https://ghes.example/o/r/releases/download/tools/v1%2Bx/f');
  });
});

describe('pickChecksums', () => {
  test('every asset gets its sha256; all missing ones are named in one error', () => {
    const sums = new Map([['a.zip', '1'.repeat(64)]]);
    expect(pickChecksums(sums, ['a.zip'], 'SHA256SUMS').get('a.zip')).toBe('1'.repeat(64));
    expect(() => pickChecksums(sums, ['a.zip', 'b.zip', 'c.zip'], 'SHA256SUMS of o/r v1')).toThrow(/SHA256SUMS of o\/r v1 has no sha256 for b\.zip, c\.zip/);
  });
});

describe('readFlowInputs', () => {
  const io = (values: Record<string, string>): ActionIO & { secrets: string[] } => {
    const secrets: string[] = [];
    return {
      secrets, getInput: (n) => values[n], setSecret: (v) => void secrets.push(v), setOutput: () => undefined, debug: () => undefined, info: () => undefined, warning: () => undefined,
      error: () => undefined, group: (_n, fn) => fn(), summaryFiles: async () => undefined, setFailed: () => undefined, isDebug: () => false,
    };
  };
  test('the token is required, masked, and the committer comes as a pair', () => {
    const a = io({ token: 'ghp_x123', 'committer-name': 'Bot', 'committer-email': 'bot@x.example', 'fork-owner': 'servin-bot' });
    expect(readFlowInputs(new Inputs(a, PR_FLOW_INPUTS), a, 'x')).toEqual({ token: 'ghp_x123', forkOwner: 'servin-bot', committer: { name: 'Bot', email: 'bot@x.example' }, dryRun: false });
    expect(a.secrets).toContain('ghp_x123');
    const none = io({});
    expect(() => readFlowInputs(new Inputs(none, PR_FLOW_INPUTS), none, 'update-homebrew-tap')).toThrow(/input "token" is required/);
    const half = io({ token: 't', 'committer-name': 'Bot' });
    expect(() => readFlowInputs(new Inputs(half, PR_FLOW_INPUTS), half, 'x')).toThrow(/go together/);
  });
});
