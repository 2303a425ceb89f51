/**
 * A streaming GNU-format tar writer (magic "ustar  \0"), the shape dpkg-deb itself produces.
 * Names longer than 100 bytes use `././@LongLink` 'L' entries and long link targets 'K' entries;
 * PAX headers are never written, because dpkg's extractor rejects them.
 */

export type TarEntryType = 'file' | 'dir' | 'symlink';

export interface TarEntry {
  /** Archive path, written as given (callers add `./` and a trailing `/` for directories). */
  name: string;
  type: TarEntryType;
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  /** Seconds since the epoch. */
  mtime: number;
  /** Size of the body for files; 0 otherwise. */
  size: number;
  linkTarget?: string;
}

export interface TarItem {
  entry: TarEntry;
  /** The file body; must yield exactly `entry.size` bytes. */
  body?: () => AsyncIterable<Uint8Array>;
}

const BLOCK = 512;
const RECORD = 10240;
const encoder = new TextEncoder();

function writeString(buf: Uint8Array, offset: number, length: number, value: string | Uint8Array): void {
  const bytes = typeof value === 'string' ? encoder.encode(value) : value;
  if (bytes.length > length) throw new Error(`tar field overflow: ${bytes.length} > ${length}`);
  buf.set(bytes, offset);
}

/** Octal, zero-padded to width-1 digits and NUL terminated; base-256 when it does not fit (GNU). */
function writeNumber(buf: Uint8Array, offset: number, width: number, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`tar numeric field out of range: ${value}`);
  const octal = value.toString(8);
  if (octal.length <= width - 1) {
    writeString(buf, offset, width, octal.padStart(width - 1, '0'));
    buf[offset + width - 1] = 0;
    return;
  }
  // GNU base-256: high bit of the first byte set, big-endian value in the rest.
  let v = BigInt(value);
  for (let i = width - 1; i > 0; i--) {
    buf[offset + i] = Number(v & 0xffn);
    v >>= 8n;
  }
  buf[offset] = 0x80;
}

const TYPEFLAG: Record<TarEntryType | 'longname' | 'longlink', number> = {
  file: 0x30, // '0'
  symlink: 0x32, // '2'
  dir: 0x35, // '5'
  longname: 0x4c, // 'L'
  longlink: 0x4b, // 'K'
};

function header(e: Omit<TarEntry, 'type'> & { type: keyof typeof TYPEFLAG }, name: Uint8Array, link: Uint8Array): Uint8Array {
  const h = new Uint8Array(BLOCK);
  writeString(h, 0, 100, name);
  writeNumber(h, 100, 8, e.mode & 0o7777);
  writeNumber(h, 108, 8, e.uid);
  writeNumber(h, 116, 8, e.gid);
  writeNumber(h, 124, 12, e.size);
  writeNumber(h, 136, 12, e.mtime);
  h.fill(0x20, 148, 156); // checksum counted as spaces
  h[156] = TYPEFLAG[e.type];
  writeString(h, 157, 100, link);
  writeString(h, 257, 8, 'ustar  \0');
  writeString(h, 265, 32, e.uname);
  writeString(h, 297, 32, e.gname);
  let sum = 0;
  for (const b of h) sum += b;
  writeString(h, 148, 8, sum.toString(8).padStart(6, '0'));
  h[154] = 0;
  h[155] = 0x20;
  return h;
}

function padding(size: number): Uint8Array {
  const rest = size % BLOCK;
  return new Uint8Array(rest === 0 ? 0 : BLOCK - rest);
}

/** The GNU long-name/long-link pseudo entry that precedes an entry whose name does not fit. */
function longEntry(kind: 'longname' | 'longlink', value: Uint8Array): Uint8Array[] {
  const data = new Uint8Array(value.length + 1); // NUL terminated, as GNU tar writes it
  data.set(value);
  const h = header(
    { name: '', type: kind, mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 0, size: data.length },
    encoder.encode('././@LongLink'),
    new Uint8Array(0),
  );
  return [h, data, padding(data.length)];
}

/** The header blocks (with any LongLink entries) for one entry. */
export function entryHeader(e: TarEntry): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  const name = encoder.encode(e.name);
  const link = encoder.encode(e.linkTarget ?? '');
  if (name.length === 0) throw new Error('tar entry with an empty name');
  if (link.length > 100) blocks.push(...longEntry('longlink', link));
  if (name.length > 100) blocks.push(...longEntry('longname', name));
  const size = e.type === 'file' ? e.size : 0;
  blocks.push(header({ ...e, size }, name.length > 100 ? name.subarray(0, 100) : name, link.length > 100 ? link.subarray(0, 100) : link));
  return blocks;
}

/** Streams a whole archive: entries in the order given, then the end blocks, padded to a 10 KiB record. */
export async function* tarStream(items: Iterable<TarItem> | AsyncIterable<TarItem>): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const { entry, body } of items) {
    for (const block of entryHeader(entry)) {
      total += block.length;
      yield block;
    }
    if (entry.type !== 'file') continue;
    let written = 0;
    if (body) {
      for await (const chunk of body()) {
        written += chunk.length;
        if (written > entry.size) throw new Error(`${entry.name}: file grew while being archived`);
        yield chunk;
      }
    }
    if (written !== entry.size) throw new Error(`${entry.name}: expected ${entry.size} bytes, read ${written} (file changed while being archived?)`);
    const pad = padding(entry.size);
    total += entry.size + pad.length;
    if (pad.length) yield pad;
  }
  const end = 2 * BLOCK;
  const rest = (total + end) % RECORD;
  yield new Uint8Array(end + (rest === 0 ? 0 : RECORD - rest));
}
