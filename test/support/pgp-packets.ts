// A minimal, independent reader of one v4 signature packet, so tests check the bytes we emit
// without trusting the library that wrote them.

export interface ParsedSignature {
  version: number;
  sigType: number;
  pubkeyAlgo: number;
  hashAlgo: number;
  hashed: { type: number; body: Uint8Array }[];
  unhashed: { type: number; body: Uint8Array }[];
}

function subpackets(b: Uint8Array): { type: number; body: Uint8Array }[] {
  const out: { type: number; body: Uint8Array }[] = [];
  let i = 0;
  while (i < b.length) {
    let len: number;
    if (b[i] < 192) len = b[i++];
    else if (b[i] < 255) {
      len = ((b[i] - 192) << 8) + b[i + 1] + 192;
      i += 2;
    } else {
      len = (b[i + 1] << 24) | (b[i + 2] << 16) | (b[i + 3] << 8) | b[i + 4];
      i += 5;
    }
    out.push({ type: b[i] & 0x7f, body: b.subarray(i + 1, i + len) });
    i += len;
  }
  return out;
}

/** Parses exactly one signature packet (tag 2), old or new packet format. Throws on anything else. */
export function parseSignaturePacket(bytes: Uint8Array): ParsedSignature {
  let i = 0;
  const h = bytes[i++];
  if ((h & 0x80) === 0) throw new Error('not an OpenPGP packet');
  let tag: number;
  let len: number;
  if (h & 0x40) {
    tag = h & 0x3f;
    const l0 = bytes[i++];
    if (l0 < 192) len = l0;
    else if (l0 < 224) len = ((l0 - 192) << 8) + bytes[i++] + 192;
    else if (l0 === 255) {
      len = (bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3];
      i += 4;
    } else throw new Error('partial body length in a signature packet');
  } else {
    tag = (h >> 2) & 0x0f;
    const n = [1, 2, 4][h & 3];
    len = 0;
    for (let k = 0; k < n; k++) len = len * 256 + bytes[i++];
  }
  if (tag !== 2) throw new Error(`packet tag ${tag}, not a signature`);
  if (i + len !== bytes.length) throw new Error(`signature packet is ${len} bytes but ${bytes.length - i} follow the header`);
  const body = bytes.subarray(i);
  const hashedLen = (body[4] << 8) | body[5];
  const hashed = subpackets(body.subarray(6, 6 + hashedLen));
  const u = 6 + hashedLen;
  const unhashedLen = (body[u] << 8) | body[u + 1];
  const unhashed = subpackets(body.subarray(u + 2, u + 2 + unhashedLen));
  return { version: body[0], sigType: body[1], pubkeyAlgo: body[2], hashAlgo: body[3], hashed, unhashed };
}

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

/** The raw bytes inside an armored block (base64 body before the "=" checksum line). */
export function dearmor(armored: string): Uint8Array {
  const lines = armored.replace(/\r/g, '').split('\n');
  const begin = lines.findIndex((l) => l.startsWith('-----BEGIN PGP SIGNATURE-----'));
  const end = lines.findIndex((l, n) => n > begin && l.startsWith('-----END PGP'));
  let j = begin + 1;
  while (lines[j] !== '') j++; // armor headers end at the first empty line
  const body = lines.slice(j + 1, end).filter((l) => !l.startsWith('='));
  return new Uint8Array(Buffer.from(body.join(''), 'base64'));
}
