// Our binary detached signatures as rpm header signatures, judged by rpm 4.18's own OpenPGP
// parser (rpmkeys), for keys gpg made and keys openpgp.js made, primary keys and subkeys.
import { afterAll, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rpmPackager } from '../../src/packagers/rpm/index.js';
import { loadSigner, type Signer } from '../../src/signing/index.js';
import { GpgHome } from '../support/gpg.js';
import { makeKey } from '../support/keys.js';
import { makeFixture } from '../support/rpm-fixture.js';
import { run } from '../support/rpm-tools.js';
import { requireTool } from '../support/tools.js';

const out = mkdtempSync(join(tmpdir(), 'pa-sigrpm-'));
const homes: GpgHome[] = [];
afterAll(() => homes.forEach((h) => h.dispose()));
const DATE = new Date('2026-01-02T03:04:05Z');

async function checkRpm(name: string, signer: Signer): Promise<void> {
  const pkg = join(out, `${name}.rpm`);
  await rpmPackager.write(makeFixture().info, pkg, { signer });
  const key = join(out, `${name}.asc`);
  writeFileSync(key, signer.publicKeyArmored);
  const db = mkdtempSync(join(tmpdir(), 'pa-rpmdb-'));
  const imp = run(['rpmkeys', '--dbpath', db, '--import', key]);
  expect(imp.stderr).toBe('');
  expect(imp.status).toBe(0);
  const r = run(['rpmkeys', '--dbpath', db, '-Kv', pkg]);
  const label = signer.algorithm === 'rsa' ? 'RSA' : 'EdDSA';
  expect(r.stdout).toContain(`Header V4 ${label}/SHA512 Signature, key ID ${signer.keyId.slice(-8).toLowerCase()}: OK`);
  expect(r.status).toBe(0);
  const tag = signer.algorithm === 'rsa' ? 'RSAHEADER' : 'DSAHEADER';
  expect(run(['rpm', '-qp', '--qf', `%{${tag}:pgpsig}`, pkg]).stdout).toMatch(new RegExp(`^${label}/SHA512, .*, Key ID ${signer.keyId.toLowerCase()}$`));
}

// Only primary keys from openpgp.js: rpm 4.18 refuses to import (`key 1 import failed`) any
// openpgp.js 6 key with a signing subkey, whatever signs; gpg-made subkeys import fine (below).
test.each(['rsa', 'ed25519'] as const)('openpgp.js %s primary key', async (type) => {
  if (!requireTool('rpmkeys')) return;
  const p = await makeKey({ type, date: new Date('2025-06-01T00:00:00Z') });
  await checkRpm(`ojs-${type}`, await loadSigner(p.armored, { date: DATE }));
});

test('gpg-made keys: rsa2048 primary, ed25519 and rsa signing subkeys', async () => {
  if (!requireTool('rpmkeys') || !requireTool('gpg')) return;
  const g = new GpgHome();
  homes.push(g);
  const rsa = g.genKey('Rpm RSA <rr@example.org>', 'rsa2048', 'sign', 'never');
  await checkRpm('gpg-rsa', await loadSigner(g.exportSecret(rsa)));
  const ed = g.genKey('Rpm Ed <re@example.org>', 'ed25519', 'cert', 'never');
  g.addKey(ed, 'ed25519', 'sign', 'never');
  const signer = await loadSigner(g.exportSecret(ed));
  expect(signer.fingerprint).not.toBe(signer.primaryFingerprint);
  await checkRpm('gpg-ed-sub', signer);
  const rs = g.genKey('Rpm RSA sub <rs@example.org>', 'rsa2048', 'cert', 'never');
  g.addKey(rs, 'rsa2048', 'sign', 'never');
  const rsaSub = await loadSigner(g.exportSecret(rs), { date: new Date(Math.floor(Date.now() / 1000) * 1000) });
  expect(rsaSub.fingerprint).not.toBe(rsaSub.primaryFingerprint);
  await checkRpm('gpg-rsa-sub', rsaSub);
});
