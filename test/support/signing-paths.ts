// Runs a key through both key readers (src/signing/fast and load.ts with openpgp.js) and checks
// that everything a caller can observe is the same.
import { expect } from '@jest/globals';
import { loadSignerFast } from '../../src/signing/fast/load-fast.js';
import { loadSigner as loadSignerOpenPgp, type LoadSignerOptions } from '../../src/signing/load.js';
import type { Signer } from '../../src/signing/types.js';

const DATA = new TextEncoder().encode('payload bytes\x00\xff\n');

export interface Case {
  name: string;
  armored: string;
  passphrase?: string;
  now?: Date;
}

export function recorder(): { log: NonNullable<LoadSignerOptions['log']>; lines: string[] } {
  const lines: string[] = [];
  return { lines, log: { info: (m) => lines.push(`info: ${m}`), warning: (m) => lines.push(`warning: ${m}`) } };
}

function fields(s: Signer) {
  const { keyId, fingerprint, primaryFingerprint, algorithm, userId, expiresAt, signatureDate, publicKeyArmored } = s;
  return { keyId, fingerprint, primaryFingerprint, algorithm, userId, expiresAt, signatureDate, publicKeyArmored };
}

/** Both paths on one key and date: same fields, log lines and signature bytes. */
export async function same(c: Case, date: Date | undefined): Promise<Signer> {
  const a = recorder();
  const b = recorder();
  const opts = { passphrase: c.passphrase, date, now: c.now };
  const fast = loadSignerFast(c.armored, { ...opts, log: a.log });
  expect(fast).toBeDefined();
  const slow = await loadSignerOpenPgp(c.armored, { ...opts, log: b.log });
  expect(fields(fast!)).toEqual(fields(slow));
  expect(a.lines).toEqual(b.lines);
  if (date) {
    expect(Buffer.from(await fast!.signDetachedBinary(DATA))).toEqual(Buffer.from(await slow.signDetachedBinary(DATA)));
    expect(await fast!.signCleartext('a\n- b \n')).toBe(await slow.signCleartext('a\n- b \n'));
  }
  return fast!;
}
