import { createHash } from 'node:crypto';
import type { Signer } from '../../signing/types.js';
import { HeaderBuilder, REGION_SIGNATURES } from './header.js';
import { SIG } from './tags.js';

const MAX32 = 0xffffffff;

/**
 * The signature header (region 62), padded to a multiple of 8 bytes: SHA-1 and SHA-256 of the
 * main header bytes, sizes, and with a signer the OpenPGP signature of the main header (RSA
 * keys in RSAHEADER, EdDSA/ECDSA/DSA in DSAHEADER, as rpmsign does). Nothing here covers the
 * payload directly: the main header carries the payload digest, and the header is what is
 * signed, so signing does not need the payload again.
 */
export async function signatureHeader(header: Uint8Array, payloadSize: number, archiveSize: number, signer?: Signer): Promise<Uint8Array> {
  const h = new HeaderBuilder(REGION_SIGNATURES);
  if (signer) h.bin(signer.algorithm === 'rsa' ? SIG.RSA : SIG.DSA, await signer.signDetachedBinary(header));
  // SHA-1 is for rpm < 4.14 (RHEL 7), which does not know the SHA-256 tag.
  h.string(SIG.SHA1, createHash('sha1').update(header).digest('hex'));
  h.string(SIG.SHA256, createHash('sha256').update(header).digest('hex'));
  const total = header.length + payloadSize;
  if (total > MAX32) h.int64(SIG.LONGSIZE, [total]);
  else h.int32(SIG.SIZE, [total]);
  if (archiveSize > MAX32) h.int64(SIG.LONGARCHIVESIZE, [archiveSize]);
  else h.int32(SIG.PAYLOADSIZE, [archiveSize]);
  const bytes = h.build();
  const pad = (8 - (bytes.length % 8)) % 8;
  if (pad === 0) return bytes;
  const out = new Uint8Array(bytes.length + pad);
  out.set(bytes);
  return out;
}
