// Real gpg in a throwaway GNUPGHOME (never the user's), for interop tests.
import { afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GpgResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

export class GpgHome {
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'pa-gpg-'));
    chmodSync(this.dir, 0o700);
  }

  get env(): NodeJS.ProcessEnv {
    return { PATH: process.env.PATH, GNUPGHOME: this.dir, LC_ALL: 'C', TZ: 'UTC' };
  }

  run(args: string[], opts: { input?: string | Uint8Array; passphrase?: string; faked?: string; tool?: string } = {}): GpgResult {
    const tool = opts.tool ?? 'gpg';
    const pre = tool === 'gpg' ? ['--homedir', this.dir, '--batch', '--no-tty', '--pinentry-mode', 'loopback', '--passphrase', opts.passphrase ?? ''] : [];
    if (opts.faked) pre.push('--faked-system-time', opts.faked);
    const r = spawnSync(tool, [...pre, ...args], { env: this.env, input: opts.input, maxBuffer: 256 * 1024 * 1024 });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString() };
  }

  ok(args: string[], opts: Parameters<GpgHome['run']>[1] = {}): Buffer {
    const r = this.run(args, opts);
    if (r.status !== 0) throw new Error(`${opts.tool ?? 'gpg'} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  }

  /** `gpg --quick-gen-key`; returns the primary fingerprint. */
  genKey(uid: string, algo: string, usage: string, expire: string, opts: { passphrase?: string; faked?: string } = {}): string {
    this.ok(['--quick-gen-key', uid, algo, usage, expire], opts);
    const fprs = this.listing().filter((r) => r.type === 'sec');
    return fprs[fprs.length - 1].fingerprint;
  }

  addKey(fpr: string, algo: string, usage: string, expire: string, opts: { passphrase?: string; faked?: string } = {}): void {
    this.ok(['--quick-add-key', fpr, algo, usage, expire], opts);
  }

  /** sec/ssb/pub/sub rows with their fingerprints and capabilities, in gpg's order. */
  listing(): { type: string; keyId: string; fingerprint: string; caps: string }[] {
    const out = this.ok(['--with-colons', '--fixed-list-mode', '-K']).toString().split('\n');
    const rows: { type: string; keyId: string; fingerprint: string; caps: string }[] = [];
    for (const line of out) {
      const f = line.split(':');
      if (['sec', 'ssb'].includes(f[0])) rows.push({ type: f[0], keyId: f[4], fingerprint: '', caps: f[11] });
      else if (f[0] === 'fpr' && rows.length && !rows[rows.length - 1].fingerprint) rows[rows.length - 1].fingerprint = f[9];
    }
    return rows;
  }

  exportSecret(fpr: string, opts: { passphrase?: string; subkeysOnly?: boolean } = {}): string {
    return this.ok(['--armor', opts.subkeysOnly ? '--export-secret-subkeys' : '--export-secret-keys', fpr], opts).toString();
  }

  /** Imports the revocation certificate gpg made at key generation. */
  revoke(fpr: string): void {
    const cert = readFileSync(join(this.dir, 'openpgp-revocs.d', `${fpr}.rev`), 'utf8').replace(/^:-----BEGIN/m, '-----BEGIN');
    this.ok(['--import'], { input: cert });
  }

  importKey(armored: string): void {
    this.ok(['--import'], { input: armored });
  }

  /** A binary keyring of one armored public key, as apt's signed-by / gpgv --keyring want. */
  keyring(armoredPublicKey: string): string {
    const path = join(this.dir, `ring-${Date.now()}-${Math.random().toString(16).slice(2)}.gpg`);
    writeFileSync(path, this.ok(['--dearmor'], { input: armoredPublicKey }));
    return path;
  }

  file(name: string, data: string | Uint8Array): string {
    const path = join(this.dir, name);
    writeFileSync(path, data);
    return path;
  }

  /** Stops the gpg-agent gpg started for this home (by its home, not by name), then removes it. */
  dispose(): void {
    spawnSync('gpgconf', ['--homedir', this.dir, '--kill', 'gpg-agent'], { env: this.env });
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The VALIDSIG status line of `gpg --status-fd 1 --verify`, parsed. */
export function validSig(statusOutput: string): { fingerprint: string; timestamp: number; pubkeyAlgo: number; hashAlgo: number; sigClass: string; primary: string } | undefined {
  const line = statusOutput.split('\n').find((l) => l.startsWith('[GNUPG:] VALIDSIG '));
  if (!line) return undefined;
  const f = line.split(' ').slice(2);
  return { fingerprint: f[0], timestamp: Number(f[2]), pubkeyAlgo: Number(f[6]), hashAlgo: Number(f[7]), sigClass: f[8], primary: f[9] };
}

/** A maker of GPG homes for one test file: every home it makes is removed after the file's tests. */
export function gpgHomes(): () => GpgHome {
  const homes: GpgHome[] = [];
  afterAll(() => {
    for (const h of homes) h.dispose();
  });
  return () => {
    const h = new GpgHome();
    homes.push(h);
    return h;
  };
}
