import { beforeAll, describe, expect, test } from '@jest/globals';
import { ConfigurationError } from '../../src/core/errors.js';
import { Inputs } from '../../src/core/inputs.js';
import type { ActionIO } from '../../src/core/io.js';
import { reportFailure } from '../../src/core/run.js';
import { loadSigner, SIGNING_INPUTS, signerFromInputs } from '../../src/signing/index.js';
import { readPrivateKey } from 'openpgp';
import { concatenated, finish, makeKey, refused, revoked, withRevokedSubkey, withStub, type TestKey } from '../support/keys.js';

const DAY = 86400;
const PAST = new Date(Date.now() - 10 * DAY * 1000);
const PASS = 'Tr0ub4dor&3 secret passphrase';

/** Records everything an action could print, unmasked, so a leak shows up. */
class RecordingIO implements ActionIO {
  readonly printed: string[] = [];
  readonly secrets: string[] = [];
  constructor(private readonly inputs: Record<string, string>) {}
  getInput(name: string) {
    return this.inputs[name] || undefined;
  }
  setOutput(name: string, value: string) {
    this.printed.push(`${name}=${value}`);
  }
  setSecret(value: string) {
    this.secrets.push(value);
  }
  debug(m: string) {
    this.printed.push(m);
  }
  info(m: string) {
    this.printed.push(m);
  }
  warning(m: string) {
    this.printed.push(m);
  }
  error(m: string) {
    this.printed.push(m);
  }
  async group<T>(name: string, fn: () => Promise<T>) {
    this.printed.push(name);
    return fn();
  }
  async summaryFiles(heading: string) {
    this.printed.push(heading);
  }
  setFailed(m: string) {
    this.printed.push(m);
  }
  isDebug() {
    return true;
  }
}

async function failure(armored: string, opts: Parameters<typeof loadSigner>[1] = {}): Promise<ConfigurationError> {
  try {
    await loadSigner(armored, opts);
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error('loadSigner did not fail');
}

const text = (e: ConfigurationError) => `${e.message}\nfix: ${e.fix ?? ''}`;

describe('keys we refuse, each with its reason and what to do', () => {
  let ed: TestKey;
  let locked: TestKey;
  beforeAll(async () => {
    ed = await makeKey({ type: 'ed25519' });
    locked = await makeKey({ type: 'ed25519', passphrase: PASS });
  });

  test('expired or revoked key', async () => {
    const expired = await makeKey({ type: 'ed25519', date: PAST, expiresIn: DAY });
    expect(text(await failure(expired.armored))).toMatch(new RegExp(`${expired.fingerprint} expired on \\d{4}-\\d\\d-\\d\\d[\\s\\S]*fix: extend it with gpg --quick-set-expire ${expired.fingerprint}`));
    const rev = await revoked(ed);
    expect(text(await failure(rev.armored))).toMatch(/signing-key [0-9A-F]{40} is revoked\nfix: create a new key/);
  });

  test('expired or revoked signing subkey (certify-only primary)', async () => {
    const exp = await makeKey({ type: 'ed25519', date: PAST, certifyOnlyPrimary: true, signingSubkeys: [{ date: PAST, expiresIn: DAY }] });
    expect(text(await failure(exp.armored))).toMatch(new RegExp(`subkey ${exp.subkeyIds[1]} \\(ed25519\\) of signing-key ${exp.fingerprint} expired on`));
    const rev = await withRevokedSubkey(await makeKey({ type: 'ed25519', certifyOnlyPrimary: true, signingSubkeys: [{}] }), 1);
    expect(text(await failure(rev.armored))).toMatch(/subkey [0-9A-F]{16} \(ed25519\) of signing-key [0-9A-F]{40} is revoked\nfix: add a signing subkey/);
  });

  test('no signing capability; a named key that cannot sign; a stubbed signing key', async () => {
    const certOnly = await makeKey({ type: 'ed25519', certifyOnlyPrimary: true });
    expect(text(await failure(certOnly.armored))).toMatch(/has no key that can sign[\s\S]*fix: add a signing subkey with gpg --quick-add-key FINGERPRINT ed25519 sign/);
    expect(text(await failure(certOnly.armored, { keyId: certOnly.fingerprint }))).toMatch(/primary key [0-9A-F]{16} \(ed25519\) .* cannot sign \(its key flags do not include signing\)/);
    expect(text(await failure(ed.armored, { keyId: ed.subkeyIds[0] }))).toMatch(/subkey [0-9A-F]{16} \(ecdh cv25519\) .* cannot sign \(it is an encryption key\)/);
    const stub = await withStub(await makeKey({ type: 'ed25519', certifyOnlyPrimary: true, signingSubkeys: [{}] }), 1);
    expect(text(await failure(stub.armored))).toMatch(/the secret part of subkey [0-9A-F]{16} \(ed25519\) is not in signing-key/);
  });

  test('passphrase missing or wrong; a pasted trailing newline is forgiven', async () => {
    expect(text(await failure(locked.armored))).toMatch(/is passphrase-protected but signing-passphrase is empty/);
    expect(text(await failure(locked.armored, { passphrase: 'nope' }))).toMatch(/signing-passphrase is wrong for primary key/);
    expect((await loadSigner(locked.armored, { passphrase: `${PASS}\n` })).fingerprint).toBe(locked.fingerprint);
  });

  test('not a private key: public key, garbage, base64, one line, SSH, damaged', async () => {
    expect(text(await failure(ed.publicArmored))).toMatch(/holds a PUBLIC key[\s\S]*fix: store the output of gpg --armor --export-secret-keys KEYID \(not --export\)/);
    expect(text(await failure('hello'))).toMatch(/is not an ASCII-armored OpenPGP private key/);
    expect(text(await failure(Buffer.from(ed.armored).toString('base64')))).toMatch(/is base64-encoded/);
    expect(text(await failure(ed.armored.replace(/\n/g, '\\n')))).toMatch(/literal "\\n" sequences/);
    expect(text(await failure(ed.armored.replace(/\n/g, ' ')))).toMatch(/on a single line: its line breaks were lost/);
    expect(text(await failure('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----\n'))).toMatch(/SSH or X\.509\/PEM key/);
    const lines = ed.armored.split('\n');
    const truncated = [...lines.slice(0, 4), ...lines.slice(-3)].join('\n');
    expect(text(await failure(truncated))).toMatch(/signing-key (is damaged|could not be read)/);
    // Indented (as in a YAML block) and with CRLF line ends still reads.
    expect((await loadSigner(ed.armored.split('\n').map((l) => `  ${l}`).join('\r\n'))).primaryFingerprint).toBe(ed.fingerprint);
  });

  test('a secret half that does not belong to the public half (a damaged or tampered key)', async () => {
    /** `k` with some of its primary key's secret parameters taken from `donor` (same algorithm). */
    async function withForeign(k: TestKey, donor: TestKey, names: string[]): Promise<string> {
      const [key, other] = await Promise.all([readPrivateKey({ armoredKey: k.armored }), readPrivateKey({ armoredKey: donor.armored })]);
      const params = (p: typeof key) => (p.keyPacket as unknown as { privateParams: Record<string, Uint8Array> }).privateParams;
      for (const n of names) params(key)[n] = params(other)[n];
      return key.armor();
    }
    const damaged = /primary key [0-9A-F]{16} \((rsa2048|ed25519)\) is damaged: its secret and public parts do not match[\s\S]*fix: export it again with gpg --armor --export-secret-keys KEYID/;
    const [rsa, rsaDonor, edDonor] = await Promise.all([makeKey({ type: 'rsa' }), makeKey({ type: 'rsa' }), makeKey({ type: 'ed25519' })]);
    for (const names of [['d'], ['p', 'q'], ['u'], ['p', 'q', 'u']]) expect(text(await failure(await withForeign(rsa, rsaDonor, names)))).toMatch(damaged);
    expect(text(await failure(await withForeign(ed, edDonor, ['seed'])))).toMatch(damaged);
    // The untouched keys still load.
    expect((await loadSigner(rsa.armored)).algorithm).toBe('rsa');
    expect((await loadSigner(ed.armored)).algorithm).toBe('eddsa');
  });

  test('RFC 9580 keys, weak RSA, unsupported algorithms', async () => {
    const v6 = await finish(await refused.v6());
    expect(text(await failure(v6.armored))).toMatch(/RFC 9580 v6 key[\s\S]*fix: generate a v4 key: gpg --quick-gen-key .* ed25519 sign/);
    const a27 = await finish(await refused.ed25519Rfc9580());
    expect(text(await failure(a27.armored))).toMatch(/RFC 9580 primary key [0-9A-F]{16} \(ed25519 v4\)[\s\S]*not read by gpg 2\.2, apt or rpm 4\.x[\s\S]*fix: generate a v4 key/);
    const weak = await finish(await refused.rsa1024());
    expect(text(await failure(weak.armored))).toMatch(/\(rsa1024\) .* unsupported algorithm: only RSA \(2048 bits or more\) and ed25519/);
    const ecdsa = await finish(await refused.ecdsa());
    expect(text(await failure(ecdsa.armored))).toMatch(/\(ecdsa nistP256\) .* unsupported algorithm/);
  });

  test('several keys, bad or unknown signing-key-id', async () => {
    const other = await makeKey({ type: 'ed25519' });
    const both = concatenated(ed, other);
    expect(text(await failure(both))).toMatch(/holds 2 keys .*; it must hold one/);
    expect((await loadSigner(both, { keyId: other.fingerprint })).primaryFingerprint).toBe(other.fingerprint);
    expect(text(await failure(ed.armored, { keyId: 'DEADBEEF' }))).toMatch(/short \(8-digit\) key ID/);
    expect(text(await failure(ed.armored, { keyId: 'not-an-id' }))).toMatch(/not a 16-hex-digit key ID or a 40-hex-digit fingerprint/);
    expect(text(await failure(ed.armored, { keyId: '0123456789ABCDEF' }))).toMatch(/signing-key-id 0123456789ABCDEF is not in signing-key .* which holds: primary key [0-9A-F]{16} \(ed25519\), can sign; subkey/);
  });

  test('a signature date in the future', async () => {
    expect(text(await failure(ed.armored, { date: new Date(Date.now() + 3600 * 1000) }))).toMatch(/is in the future; gpg and apt reject signatures made in the future/);
  });
});

describe('signerFromInputs', () => {
  let locked: TestKey;
  beforeAll(async () => {
    locked = await makeKey({ type: 'ed25519', passphrase: PASS });
  });
  const keyLines = () => locked.armored.split('\n').filter((l) => l.length >= 8 && !l.startsWith('-----'));

  test('declares the inputs; no key means no signer', async () => {
    expect(SIGNING_INPUTS['signing-key'].kind).toBe('secret');
    expect(SIGNING_INPUTS['signing-passphrase'].kind).toBe('secret');
    expect(SIGNING_INPUTS['signing-key-id'].kind).toBeUndefined();
    const io = new RecordingIO({ 'signing-key-id': 'ABCDEF0123456789' });
    expect(await signerFromInputs(new Inputs(io, SIGNING_INPUTS), { log: io })).toBeUndefined();
    expect(io.printed.join('\n')).toMatch(/signing-key-id is set but signing-key is empty/);
    const io2 = new RecordingIO({ 'signing-passphrase': PASS });
    await expect(signerFromInputs(new Inputs(io2, SIGNING_INPUTS))).rejects.toThrow(/signing-passphrase is set but signing-key is empty/);
  });

  test('masks the key, each of its lines and the passphrase before use; signs', async () => {
    const io = new RecordingIO({ 'signing-key': locked.armored, 'signing-passphrase': PASS });
    const signer = await signerFromInputs(new Inputs(io, SIGNING_INPUTS), { date: new Date(Date.now() - 1000), log: io });
    expect(signer?.primaryFingerprint).toBe(locked.fingerprint);
    expect(io.secrets).toContain(locked.armored);
    expect(io.secrets).toContain(PASS);
    for (const l of keyLines()) expect(io.secrets).toContain(l);
    expect(io.printed.join('\n')).toMatch(/signing with primary key [0-9A-F]{16} \(ed25519\) of [0-9A-F]{40} \(Test Signer <signer@example.org>\)/);
    // The Signer itself does not print its key (private fields).
    expect(JSON.stringify(signer)).not.toMatch(/BEGIN PGP PRIVATE/);
  });

  test('nothing printed on any failure contains the passphrase or key material', async () => {
    const pub = (await makeKey({ type: 'ed25519' })).publicArmored;
    const cases: Record<string, string>[] = [
      { 'signing-key': locked.armored, 'signing-passphrase': `${PASS}x` },
      { 'signing-key': locked.armored },
      { 'signing-key': locked.armored, 'signing-passphrase': PASS, 'signing-key-id': '0123456789ABCDEF' },
      { 'signing-key': locked.armored.slice(0, 300), 'signing-passphrase': PASS },
      { 'signing-key': locked.armored.replace(/\n/g, '\\n'), 'signing-passphrase': PASS },
      { 'signing-key': Buffer.from(locked.armored).toString('base64'), 'signing-passphrase': PASS },
      { 'signing-key': `${pub}\n${locked.armored}`, 'signing-passphrase': PASS },
    ];
    for (const inputs of cases) {
      const io = new RecordingIO(inputs);
      try {
        await signerFromInputs(new Inputs(io, SIGNING_INPUTS), { log: io });
        throw new Error(`no failure for ${Object.keys(inputs).join(',')}`);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigurationError);
        reportFailure('test', io, e);
      }
      const all = io.printed.join('\n');
      expect(all).toMatch(/signing/); // the failure was reported at all
      expect(all).not.toContain(PASS);
      expect(all).not.toContain('Tr0ub4dor');
      for (const l of keyLines()) expect(all).not.toContain(l.slice(0, 16));
    }
  });
});
