import { readFileChunks } from '../archive/file-io.js';
import { ConfigurationError } from '../core/errors.js';
import type { Inputs } from '../core/inputs.js';
import type { LoadSignerOptions, SigningLog } from './load.js';
import type { Signer } from './types.js';

export type { LoadSignerOptions, SigningLog } from './load.js';

/**
 * Reads and unlocks a key. The common shapes (one v4 RSA or ed25519 key as gpg and openpgp.js
 * export it) are read by fast/load-fast.ts without openpgp.js, which costs more to load than
 * signing a large file; anything else, including every key we refuse, goes to load.ts. Both
 * are loaded only here, on first use: most runs sign nothing.
 */
export async function loadSigner(armoredKey: string, opts: LoadSignerOptions = {}): Promise<Signer> {
  const fast = (await import('./fast/load-fast.js')).loadSignerFast(armoredKey, opts);
  return fast ?? (await import('./load.js')).loadSigner(armoredKey, opts);
}
export type { Signer } from './types.js';

export { SIGNING_INPUTS } from './inputs.js';

/**
 * SOURCE_DATE_EPOCH as the date every signature carries, so rebuilding gives identical signature
 * bytes; undefined when unset (signatures are then dated when they are made).
 */
export function signatureDate(env: NodeJS.ProcessEnv): Date | undefined {
  const sde = env.SOURCE_DATE_EPOCH?.trim();
  if (!sde) return undefined;
  if (!/^\d+$/.test(sde)) throw new ConfigurationError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${sde}"`, { fix: 'export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)' });
  return new Date(Number(sde) * 1000);
}

/**
 * The Signer the workflow's signing inputs describe, or undefined when signing-key is empty (not
 * configured, or a secret this run cannot see, as in pull requests from forks). The key and the
 * passphrase are masked by Inputs.secret before anything else happens.
 */
export async function signerFromInputs(inputs: Inputs, opts: { date?: Date; log?: SigningLog } = {}): Promise<Signer | undefined> {
  const key = inputs.secret('signing-key');
  const passphrase = inputs.secret('signing-passphrase');
  const keyId = inputs.string('signing-key-id');
  if (key === undefined || key.trim() === '') {
    if (passphrase)
      throw new ConfigurationError('signing-passphrase is set but signing-key is empty', {
        fix: 'pass the key as signing-key: ${{ secrets.NAME }} (check the secret name), or remove signing-passphrase',
      });
    if (keyId) opts.log?.warning(`signing-key-id is set but signing-key is empty (a secret this run cannot see?): nothing will be signed`);
    return undefined;
  }
  return loadSigner(key, { passphrase: passphrase || undefined, keyId, date: opts.date, log: opts.log });
}

/**
 * An armored detached signature (`.asc`) over a stream: constant memory when the signer streams.
 * Chunks may be reused by the producer after the next one is asked for (see readFileChunks in ../archive/file-io.ts), so the
 * buffering fallback copies them.
 */
export async function signStreamArmored(signer: Signer, chunks: AsyncIterable<Uint8Array>): Promise<string> {
  if (signer.signDetachedArmoredStream) return signer.signDetachedArmoredStream(chunks);
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return signer.signDetachedArmored(Buffer.concat(parts));
}

/** An armored detached signature of a file (e.g. `tool_1.2.0_amd64.deb.asc`), read in chunks. */
export function signFileArmored(signer: Signer, path: string): Promise<string> {
  return signStreamArmored(signer, readFileChunks(path));
}
