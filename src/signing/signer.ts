import { createMessage, enums, sign, type KeyID, type PrivateKey, type Signature } from 'openpgp';
import type { Signer } from './types.js';
import { ALLOWED_HASHES, FULL_CONFIG, OPENPGP_CONFIG } from './policy.js';

export interface SignerFields {
  keyId: string;
  fingerprint: string;
  primaryFingerprint: string;
  algorithm: 'rsa' | 'eddsa';
  publicKeyArmored: string;
  userId: string | undefined;
  expiresAt: Date | undefined;
  signatureDate: Date | undefined;
}

/**
 * The cleartext signature framework (RFC 9580 §7): what is hashed is the text with CRLF line
 * endings and without trailing spaces/tabs, and the line ending just before the signature
 * armor is not part of it. We print the lines as given (LF endings, dash-escaped), exactly as
 * `gpg --clearsign` does.
 */
export function cleartextParts(text: string): { shown: string; hashed: string } {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return {
    // Dash-escape lines starting with "-" (required) and "From " (optional; gpg does it too).
    shown: lines.map((l) => (l.startsWith('-') || l.startsWith('From ') ? `- ${l}` : l)).join('\n'),
    hashed: lines.map((l) => l.replace(/[ \t]+$/, '')).join('\n'),
  };
}

/** An unlocked key, held in private fields so neither util.inspect nor JSON.stringify can print it. */
export class OpenPgpSigner implements Signer {
  readonly keyId: string;
  readonly fingerprint: string;
  readonly primaryFingerprint: string;
  readonly algorithm: 'rsa' | 'eddsa';
  readonly publicKeyArmored: string;
  readonly userId: string | undefined;
  readonly expiresAt: Date | undefined;
  readonly signatureDate: Date | undefined;
  readonly #key: PrivateKey;
  readonly #signingKeyId: KeyID;

  constructor(key: PrivateKey, signingKeyId: KeyID, fields: SignerFields) {
    this.keyId = fields.keyId;
    this.fingerprint = fields.fingerprint;
    this.primaryFingerprint = fields.primaryFingerprint;
    this.algorithm = fields.algorithm;
    this.publicKeyArmored = fields.publicKeyArmored;
    this.userId = fields.userId;
    this.expiresAt = fields.expiresAt;
    this.signatureDate = fields.signatureDate;
    this.#key = key;
    this.#signingKeyId = signingKeyId;
  }

  /** One detached signature packet; `text` makes it a text-mode (0x01) signature over canonical text. */
  async #signature(input: { binary: Uint8Array } | { text: string }): Promise<Signature> {
    const message = 'binary' in input ? await createMessage({ binary: input.binary }) : await createMessage({ text: input.text });
    const signature = (await sign({
      message,
      signingKeys: this.#key,
      signingKeyIDs: [this.#signingKeyId],
      detached: true,
      format: 'object',
      date: this.signatureDate ?? new Date(),
      config: OPENPGP_CONFIG,
    })) as unknown as Signature;
    const packet = signature.packets[0];
    if (signature.packets.length !== 1 || packet.version !== 4 || !ALLOWED_HASHES.has(packet.hashAlgorithm ?? 0))
      throw new Error(`openpgp.js made an unexpected signature (version ${packet?.version}, hash ${packet?.hashAlgorithm}, ${signature.packets.length} packets)`);
    if (packet.issuerKeyID.toHex().toUpperCase() !== this.keyId) throw new Error(`openpgp.js signed with ${packet.issuerKeyID.toHex()} instead of ${this.keyId}`);
    return signature;
  }

  async signDetachedBinary(data: Uint8Array): Promise<Uint8Array> {
    return (await this.#signature({ binary: data })).write() as Uint8Array;
  }

  async signDetachedArmored(data: Uint8Array): Promise<string> {
    return (await this.#signature({ binary: data })).armor(FULL_CONFIG);
  }

  async signCleartext(text: string): Promise<string> {
    const { shown, hashed } = cleartextParts(text);
    const signature = await this.#signature({ text: hashed });
    const hash = enums.read(enums.hash, signature.packets[0].hashAlgorithm as enums.hash).toUpperCase();
    return `-----BEGIN PGP SIGNED MESSAGE-----\nHash: ${hash}\n\n${shown}\n${signature.armor(FULL_CONFIG)}`;
  }
}
