// The .xz container (xz file format 1.2.1): we take apart the single-block streams that liblzma
// makes for each block and put the blocks back together as one stream with several blocks, as
// `xz -T` writes. Layout of a stream:
//   header (12): magic FD 37 7A 58 5A 00, flags 00 <check>, CRC32 of the flags
//   blocks: each padded to a multiple of 4
//   index: 00, count, per block (unpadded size, uncompressed size), zero padding to 4, CRC32
//   footer (12): CRC32 of the next 6 bytes, backward size = index size / 4 - 1, flags, 'YZ'
// Numbers in the index are multibyte integers: 7 bits a byte, least significant first.
import { crc32 } from 'node:zlib';

const MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const FOOTER_MAGIC = [0x59, 0x5a];
/** Stream flags for a CRC64 check (liblzma's default, and xz's). */
const FLAGS_CRC64 = [0x00, 0x04];

/** One block as liblzma made it, with the index record that describes it. */
export interface XzBlock {
  /** The block, padding included. */
  bytes: Uint8Array;
  unpaddedSize: number;
  uncompressedSize: number;
}

function u32le(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0, true);
  return out;
}

export function encodeVli(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return out;
}

function decodeVli(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) break;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return { value, next: at + i + 1 };
  }
  throw new Error('xz: bad multibyte integer in index');
}

function startsWith(bytes: Uint8Array, at: number, expected: number[]): boolean {
  return expected.every((byte, i) => bytes[at + i] === byte);
}

/** Stream header for a CRC64 stream. */
export function xzStreamHeader(): Uint8Array {
  const flags = Uint8Array.from(FLAGS_CRC64);
  return Uint8Array.from([...MAGIC, ...flags, ...u32le(crc32(flags))]);
}

/**
 * Takes the block out of a stream liblzma produced for one block of input (or for none: an empty
 * block gives a stream with no blocks). Checks the framing, since a mistake here would give an
 * archive that only fails when someone installs it.
 */
export function splitSingleBlockStream(stream: Uint8Array, expectedSize: number): XzBlock[] {
  const length = stream.byteLength;
  if (length < 32 || !startsWith(stream, 0, [...MAGIC, ...FLAGS_CRC64]) || !startsWith(stream, length - 2, FOOTER_MAGIC)) {
    throw new Error('xz: the encoder did not produce a CRC64 .xz stream');
  }
  const indexSize = (new DataView(stream.buffer, stream.byteOffset).getUint32(length - 8, true) + 1) * 4;
  const indexStart = length - 12 - indexSize;
  if (indexStart < 12 || stream[indexStart] !== 0) throw new Error('xz: bad index position');
  const count = decodeVli(stream, indexStart + 1);
  if (count.value === 0) {
    if (expectedSize !== 0) throw new Error('xz: stream without blocks for non-empty input');
    return [];
  }
  if (count.value !== 1) throw new Error(`xz: expected 1 block, found ${count.value}`);
  const unpadded = decodeVli(stream, count.next);
  const uncompressed = decodeVli(stream, unpadded.next);
  const bytes = stream.subarray(12, indexStart);
  if (uncompressed.value !== expectedSize || Math.ceil(unpadded.value / 4) * 4 !== bytes.byteLength) {
    throw new Error('xz: index does not match the block');
  }
  return [{ bytes, unpaddedSize: unpadded.value, uncompressedSize: uncompressed.value }];
}

/** Index and footer for the blocks written after one xzStreamHeader(). */
export function xzStreamEnd(records: Array<Pick<XzBlock, 'unpaddedSize' | 'uncompressedSize'>>): Uint8Array {
  const index = [0x00, ...encodeVli(records.length)];
  for (const record of records) index.push(...encodeVli(record.unpaddedSize), ...encodeVli(record.uncompressedSize));
  while (index.length % 4 !== 0) index.push(0);
  index.push(...u32le(crc32(Uint8Array.from(index))));
  const footerFields = Uint8Array.from([...u32le(index.length / 4 - 1), ...FLAGS_CRC64]);
  return Uint8Array.from([...index, ...u32le(crc32(footerFields)), ...footerFields, ...FOOTER_MAGIC]);
}
