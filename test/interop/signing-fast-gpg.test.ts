// Keys gpg 2.2 makes and changes the way users do, through the fast key reader: the shapes it
// takes give exactly what load.ts (openpgp.js) gives, and its public key is the same key to gpg;
// the shapes it does not take still load (or fail) through openpgp.js.
import { describe, expect, test } from '@jest/globals';
import { loadSignerFast } from '../../src/signing/fast/load-fast.js';
import { loadSigner } from '../../src/signing/index.js';
import { gpgHomes, type GpgHome } from '../support/gpg.js';
import { same } from '../support/signing-paths.js';
import { requireTool } from '../support/tools.js';

const PASS = 'fast path passphrase';
const home = gpgHomes();
const haveTools = () => requireTool('gpg') && requireTool('gpgconf');

/** Both readers agree, and gpg imports our public key as the key it exported (same --export bytes). */
async function taken(h: GpgHome, fpr: string, armored: string, passphrase?: string): Promise<void> {
  for (const date of [new Date('2020-01-01T00:00:00Z'), undefined]) await same({ name: fpr, armored, passphrase }, date);
  const signer = loadSignerFast(armored, { passphrase });
  expect(signer?.primaryFingerprint).toBe(fpr);
  const fresh = home();
  fresh.importKey(signer!.publicKeyArmored);
  expect(fresh.ok(['--export', fpr]).equals(h.ok(['--export', fpr]))).toBe(true);
}

describe('gpg keys the fast path takes', () => {
  test('ed25519 (future-default: ed25519 + cv25519), no passphrase', async () => {
    if (!haveTools()) return;
    const h = home();
    const fpr = h.genKey('Fast Ed <ed@example.org>', 'future-default', 'default', '2y');
    await taken(h, fpr, h.exportSecret(fpr));
  });

  test('rsa4096 signing primary with a passphrase, expiry extended twice', async () => {
    if (!haveTools()) return;
    const h = home();
    const fpr = h.genKey('Fast Rsa <rsa@example.org>', 'rsa4096', 'sign', '1y', { passphrase: PASS });
    h.ok(['--quick-set-expire', fpr, '3y'], { passphrase: PASS });
    h.ok(['--quick-set-expire', fpr, '4y'], { passphrase: PASS });
    await taken(h, fpr, h.exportSecret(fpr, { passphrase: PASS }), PASS);
  });

  test('certify-only primary, rsa3072 and ed25519 signing subkeys, encryption subkey; also subkeys only', async () => {
    if (!haveTools()) return;
    const h = home();
    const fpr = h.genKey('Fast Sub <sub@example.org>', 'ed25519', 'cert', '5y', { passphrase: PASS });
    h.addKey(fpr, 'rsa3072', 'sign', '2y', { passphrase: PASS });
    h.addKey(fpr, 'cv25519', 'encr', '2y', { passphrase: PASS });
    await new Promise((r) => setTimeout(r, 1100)); // a newer creation second: this one signs
    h.addKey(fpr, 'ed25519', 'sign', '2y', { passphrase: PASS });
    // The new bindings must not share a second with the ones they replace: the fast path leaves
    // two self-signatures of the same second to openpgp.js, and the test would then be flaky.
    await new Promise((r) => setTimeout(r, 1100));
    h.ok(['--quick-set-expire', fpr, '3y', '*'], { passphrase: PASS });
    await taken(h, fpr, h.exportSecret(fpr, { passphrase: PASS }), PASS);
    await taken(h, fpr, h.exportSecret(fpr, { passphrase: PASS, subkeysOnly: true }), PASS);
    const newest = h.listing().filter((r) => r.type === 'ssb').pop()!;
    expect(loadSignerFast(h.exportSecret(fpr, { passphrase: PASS }), { passphrase: PASS })?.fingerprint).toBe(newest.fingerprint);
  });
});

describe('gpg keys left to openpgp.js', () => {
  test('a second user ID, a third-party certification: not taken, still signs', async () => {
    if (!haveTools()) return;
    const h = home();
    const fpr = h.genKey('Fast Two <two@example.org>', 'ed25519', 'sign', '2y');
    h.ok(['--quick-add-uid', fpr, 'Other Name <other@example.org>']);
    const two = h.exportSecret(fpr);
    expect(loadSignerFast(two)).toBeUndefined();
    expect((await loadSigner(two)).primaryFingerprint).toBe(fpr);
    const g = home();
    const fpr2 = g.genKey('Fast Certified <c@example.org>', 'ed25519', 'sign', '2y');
    const other = g.genKey('Certifier <certifier@example.org>', 'ed25519', 'cert', '2y');
    g.ok(['--default-key', other, '--quick-sign-key', fpr2]);
    const certified = g.exportSecret(fpr2);
    expect(loadSignerFast(certified)).toBeUndefined();
    expect((await loadSigner(certified)).primaryFingerprint).toBe(fpr2);
  });

  test('revoked and expired keys: not taken, refused by load.ts', async () => {
    if (!haveTools()) return;
    const h = home();
    const fpr = h.genKey('Fast Revoked <r@example.org>', 'ed25519', 'sign', '2y');
    h.revoke(fpr);
    const rev = h.exportSecret(fpr);
    expect(loadSignerFast(rev)).toBeUndefined();
    await expect(loadSigner(rev)).rejects.toThrow('revoked');
    const e = home();
    const old = e.genKey('Fast Expired <e@example.org>', 'ed25519', 'sign', '1d', { faked: '20200101T000000' });
    const expired = e.exportSecret(old);
    expect(loadSignerFast(expired)).toBeUndefined();
    await expect(loadSigner(expired)).rejects.toThrow('expired');
  });
});
