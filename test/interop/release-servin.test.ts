import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildPackages } from '../../src/build/build-packages.js';
import { CliIO } from '../../src/core/io-cli.js';
import type { StandIn } from '../support/github/index.js';
import { GpgHome } from '../support/gpg.js';
import { OWNER, publish, releaseStandIn, REPO } from '../support/release-fixture.js';
import { requireTool } from '../support/tools.js';

const run = promisify(execFile);
const SERVIN = resolve(import.meta.dirname, '..', '..', 'examples', 'servin');
let gh: StandIn;
let out: string;
let gpg: GpgHome | undefined;
let key = '';

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'pa-servin-rel-'));
  const io = new CliIO(new Map(), { quiet: true });
  for (const format of ['deb', 'rpm', 'archive']) {
    await buildPackages({ format, configPath: 'package-actions.yml', arch: [], outputDir: join(out, format), dryRun: false, threads: 1, allowExternalSrc: false }, { io, env: { SOURCE_DATE_EPOCH: '1700000000' }, cwd: SERVIN });
  }
  if (requireTool('gpg')) {
    gpg = new GpgHome();
    gpg.genKey('Servin Release <release@servin.example>', 'ed25519', 'sign', '1y');
    key = gpg.exportSecret('release@servin.example');
  }
  gh = await releaseStandIn();
});
afterAll(async () => {
  gpg?.dispose();
  await gh?.close();
});

describe('a full Servin release through publish-release, installed with its own install.sh', () => {
  let requests = 0;

  test('publishes debs, rpms, archives, KEY.asc, install scripts and a signed SHA256SUMS', async () => {
    const before = gh.requests.length;
    const r = await publish(gh, { 'working-directory': SERVIN, config: 'package-actions.yml', files: `${out}/deb/*\n${out}/rpm/*\n${out}/archive/*`, version: '0.9.2', 'signing-key': key });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    requests = gh.requests.length - before;
    const names = (JSON.parse(r.outputs.assets!) as { name: string }[]).map((a) => a.name).sort();
    expect(names).toEqual(expect.arrayContaining(['KEY.asc', 'SHA256SUMS', 'SHA256SUMS.asc', 'install.sh', 'install.ps1', 'servin_0.9.2-1_amd64.deb', 'servin-0.9.2-1.x86_64.rpm', 'servin_0.9.2_linux_amd64.tar.gz', 'servin_0.9.2_windows_arm64.zip']));
    expect(names).toHaveLength(15); // 2 debs, 2 rpms, 6 archives, KEY.asc, install.sh, install.ps1, SHA256SUMS(.asc)
    // What a full Servin release costs in API requests (reported in the closing note of issue 4).
    console.log(`a full Servin release made ${requests} requests (${gh.writes()} writes)`);
    expect(requests).toBeLessThan(80);
  });

  test.each(['dash', 'bash', 'busybox'])('install.sh from the release installs servin under %s after checking SHA256SUMS and its signature', async (shell) => {
    if (!requireTool(shell) || !requireTool('curl') || !requireTool('gpg')) return;
    const dir = mkdtempSync(join(tmpdir(), 'pa-inst-'));
    const script = join(dir, 'install.sh');
    const res = await fetch(`${gh.serverUrl}/${OWNER}/${REPO}/releases/download/v0.9.2/install.sh`);
    writeFileSync(script, Buffer.from(await res.arrayBuffer()));
    const prefix = join(dir, 'bin');
    const args = shell === 'busybox' ? ['sh', script] : [script];
    const r = await run(shell, [...args, '--prefix', prefix, '--verify-signature'], { env: { PATH: process.env.PATH, HOME: dir } });
    expect(r.stderr + r.stdout).toMatch(/SHA256SUMS|checksum/i);
    expect(existsSync(join(prefix, 'servin'))).toBe(true);
    if (process.arch === 'x64') expect((await run(join(prefix, 'servin'), ['--version'])).stdout).toContain('servin version 0.9.2');
  });
});
