import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GpgHome } from '../support/gpg.js';
import { runBundledAction } from '../support/run-action.js';
import { requireTool } from '../support/tools.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SERVIN = { 'working-directory': 'examples/servin', config: 'package-actions.yml' };
let gpg: GpgHome;
let secretKey: string;
const passphrase = 'correct horse battery staple';

beforeAll(() => {
  if (!requireTool('gpg')) return;
  gpg = new GpgHome();
  const fpr = gpg.genKey('Servin Release <release@servin.example>', 'rsa3072', 'sign', '1y', { passphrase });
  secretKey = gpg.exportSecret(fpr, { passphrase });
});
afterAll(() => gpg?.dispose());

describe('signed packages from the bundled actions, with a key made by gpg', () => {
  test('build-deb writes a detached .asc per package that gpgv accepts, and masks the secrets', () => {
    if (!requireTool('gpgv')) return;
    const out = mkdtempSync(join(tmpdir(), 'pa-sdeb-'));
    const r = runBundledAction('build-deb', { ...SERVIN, 'output-dir': out, 'signing-key': secretKey, 'signing-passphrase': passphrase }, { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(r.status).toBe(0);
    const sigs = JSON.parse(r.outputs.signatures!) as string[];
    const debs = JSON.parse(r.outputs.files!) as string[];
    expect(sigs).toEqual(debs.map((d) => `${d}.asc`));
    const ring = gpg.keyring(r.outputs['public-key']!);
    for (const deb of debs) {
      const v = spawnSync('gpgv', ['--keyring', ring, resolve(ROOT, `${deb}.asc`), resolve(ROOT, deb)], { encoding: 'utf8' });
      expect(v.stderr).toMatch(/Good signature from "Servin Release <release@servin\.example>"/);
      expect(v.status).toBe(0);
    }
    // The runner is told to mask the key's lines and the passphrase, and neither is ever printed in clear.
    expect(r.stdout).toContain(`::add-mask::${passphrase}`);
    const shown = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    expect(shown).not.toContain(passphrase);
    expect(shown).not.toContain(secretKey.split('\n')[3]!);
  });

  test('build-rpm signs inside the package: rpmkeys -Kv with the public-key output says OK; a flipped byte fails', () => {
    if (!requireTool('rpmkeys')) return;
    const out = mkdtempSync(join(tmpdir(), 'pa-srpm-'));
    const r = runBundledAction('build-rpm', { ...SERVIN, 'output-dir': out, arch: 'amd64', 'signing-key': secretKey, 'signing-passphrase': passphrase }, { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.outputs.signatures!)).toEqual([]);
    const rpm = resolve(ROOT, r.outputs.file!);
    const db = mkdtempSync(join(tmpdir(), 'pa-rpmdb-'));
    const key = join(db, 'KEY.asc');
    writeFileSync(key, r.outputs['public-key']!);
    expect(spawnSync('rpmkeys', ['--dbpath', db, '--import', key]).status).toBe(0);
    const k = spawnSync('rpmkeys', ['--dbpath', db, '-Kv', rpm], { encoding: 'utf8' });
    expect(k.stdout).toMatch(/Header V4 RSA\/SHA(256|512) Signature, key ID [0-9a-f]{8}: OK/);
    expect(k.stdout).toMatch(/Header SHA256 digest: OK/);
    expect(k.stdout).toMatch(/Payload SHA256 digest: OK/);
    expect(k.status).toBe(0);
    const bytes = readFileSync(rpm);
    bytes[bytes.length - 10] ^= 0xff;
    const bad = join(db, 'bad.rpm');
    writeFileSync(bad, bytes);
    const kb = spawnSync('rpmkeys', ['--dbpath', db, '-Kv', bad], { encoding: 'utf8' });
    expect(kb.status).not.toBe(0);
  });

  test('the CLI takes the key from a file or the environment, never from argv', () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'pa-kf-')), 'key.asc');
    writeFileSync(keyFile, secretKey);
    const out = mkdtempSync(join(tmpdir(), 'pa-cli-'));
    const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'build-deb', '--working-directory', 'examples/servin', '--config', 'package-actions.yml', '--output-dir', out, '--arch', 'amd64', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', ...env } });
    const refused = cli(['--signing-key', 'x']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/would put a secret on the command line/);
    const viaFile = cli(['--signing-key-file', keyFile, '--json'], { PACKAGE_ACTIONS_SIGNING_PASSPHRASE: passphrase });
    expect(viaFile.stderr).not.toContain(passphrase);
    expect(viaFile.status).toBe(0);
    expect(JSON.parse(JSON.parse(viaFile.stdout).signatures)).toHaveLength(1);
  });
});
