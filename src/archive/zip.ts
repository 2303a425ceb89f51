/**
 * A deterministic ZIP writer (APPNOTE 6.3.x) for release archives, kept to the subset every
 * reader handles, Windows Explorer and PowerShell's Expand-Archive included: deflate or stored,
 * no encryption, no data descriptors, ZIP64 only where a size or offset needs it.
 *
 * Each file is read once. Its local header is written with the size known from the caller
 * (stat) and a zero CRC and compressed size; the body is deflated straight to the file; then the
 * CRC and compressed size are written back into the header. Seeking back (instead of bit 3 and a
 * data descriptor after the data) keeps local and central headers identical, which streaming
 * readers need for stored entries and which some older Windows unzippers insist on. Memory stays
 * bounded by the compressor's blocks and a 1 MiB write buffer, whatever the payload size.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { compress } from './compress/index.js';
import { centralHeader, DOS_DIRECTORY, DOS_READ_ONLY, dosDateTime, endRecords, Fields, FLAG_UTF8, localHeader, MAX16, MAX32, S_IFDIR, S_IFREG, type ZipRecord } from './zip-records.js';

export interface ZipEntry {
  /** Archive path with `/` separators, no leading `/`; directories end with `/`. */
  name: string;
  type: 'file' | 'dir';
  /** Permission bits (0o755); stored as the Unix mode so `unzip` restores the executable bit. */
  mode: number;
  /** Seconds since the epoch. */
  mtime: number;
  /** Size of the body for files (it decides ZIP64 before the data is read); 0 for directories. */
  size: number;
}

export interface ZipItem {
  entry: ZipEntry;
  /** The file body; must yield exactly `entry.size` bytes. */
  body?: () => AsyncIterable<Uint8Array>;
}

export interface ZipOptions {
  /** Deflate level 0–9 (default 9). */
  level?: number;
  /** Compression worker threads (see compress()); the bytes do not depend on it. */
  threads?: number;
  /** Write every ZIP64 record even when nothing needs it (tests the ZIP64 path on small data). */
  forceZip64?: boolean;
}

const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

/**
 * Whether a body of `size` bytes could deflate to 4 GiB or more. Deflate grows incompressible
 * data by a few bytes per block; one byte in 1024 plus a constant is far above that.
 */
export function mayNeedZip64(size: number): boolean {
  return size + Math.floor(size / 1024) + 1024 >= MAX32;
}

/** Deflate level → general-purpose flag bits 1–2, as Info-ZIP sets them (zipinfo shows them). */
function levelFlags(level: number): number {
  if (level >= 8) return 0x2;
  if (level === 2) return 0x4;
  if (level === 1) return 0x6;
  return 0;
}

function checkName(name: string, type: ZipEntry['type']): void {
  const bare = type === 'dir' ? name.replace(/\/$/, '') : name;
  const bad = name === '' || name.startsWith('/') || name.includes('\\') || (type === 'dir') !== name.endsWith('/') || bare.split('/').some((s) => s === '' || s === '.' || s === '..');
  if (bad) throw new Error(`invalid zip entry name "${name}" (${type})`);
  if (Buffer.byteLength(name) > MAX16) throw new Error(`zip entry name longer than 65535 bytes: ${name.slice(0, 60)}…`);
}

/** Sequential writes through a 1 MiB buffer, plus writes back into what was already written. */
class Sink {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private flushed = 0;
  private readonly fh: FileHandle;
  constructor(fh: FileHandle) {
    this.fh = fh;
  }
  get position(): number {
    return this.flushed + this.buffered;
  }
  async write(chunk: Uint8Array): Promise<void> {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buffered === 0) return;
    const data = Buffer.concat(this.chunks);
    this.chunks = [];
    this.buffered = 0;
    await this.writeAt(data, this.flushed);
    this.flushed += data.length;
  }
  async patch(position: number, bytes: Uint8Array): Promise<void> {
    await this.flush();
    await this.writeAt(bytes, position);
  }
  private async writeAt(data: Uint8Array, position: number): Promise<void> {
    for (let done = 0; done < data.length; ) {
      const { bytesWritten } = await this.fh.write(data, done, data.length - done, position + done);
      done += bytesWritten;
    }
  }
}

/**
 * Raw deflate from our gzip compressor without its 10-byte header and 8-byte trailer: the same
 * block-parallel, thread-count-independent deflate stream the .deb and .tar.gz writers use.
 */
async function* rawDeflate(input: AsyncIterable<Uint8Array>, level: number, threads: number): AsyncGenerator<Uint8Array> {
  let skip = GZIP_HEADER;
  let held = new Uint8Array(0);
  for await (let chunk of compress('gzip', input, { level, threads })) {
    if (skip > 0) {
      const n = Math.min(skip, chunk.length);
      chunk = chunk.subarray(n);
      skip -= n;
    }
    const all = held.length ? Buffer.concat([held, chunk]) : chunk;
    // Chunks are borrowed (valid until the next is pulled): what is held over is copied.
    if (all.length <= GZIP_TRAILER) {
      held = new Uint8Array(all);
      continue;
    }
    held = new Uint8Array(all.subarray(all.length - GZIP_TRAILER));
    yield all.subarray(0, all.length - GZIP_TRAILER);
  }
}

/** Writes the archive to `outPath`: entries in the order given, then the central directory. */
export async function writeZip(items: Iterable<ZipItem> | AsyncIterable<ZipItem>, outPath: string, opts: ZipOptions = {}): Promise<void> {
  const level = opts.level ?? 9;
  if (!Number.isInteger(level) || level < 0 || level > 9) throw new RangeError(`zip deflate level must be 0–9, got ${level}`);
  const force = opts.forceZip64 ?? false;
  const fh = await open(outPath, 'w');
  try {
    const sink = new Sink(fh);
    const records: ZipRecord[] = [];
    for await (const { entry, body } of items) {
      checkName(entry.name, entry.type);
      const name = Buffer.from(entry.name, 'utf8');
      const deflate = entry.type === 'file' && entry.size > 0;
      const offset = sink.position;
      const r: ZipRecord = {
        name,
        flags: (name.some((b) => b >= 0x80) ? FLAG_UTF8 : 0) | (deflate ? levelFlags(level) : 0),
        method: deflate ? 8 : 0,
        ...dosDateTime(entry.mtime),
        crc: 0,
        csize: 0,
        usize: entry.type === 'file' ? entry.size : 0,
        offset,
        external: (((entry.type === 'dir' ? S_IFDIR : S_IFREG) | (entry.mode & 0o7777)) << 16 >>> 0) | (entry.type === 'dir' ? DOS_DIRECTORY : 0) | (entry.mode & 0o200 ? 0 : DOS_READ_ONLY),
        zip64Sizes: force || (entry.type === 'file' && mayNeedZip64(entry.size)),
        zip64Offset: force || offset >= MAX32,
        needed: 0,
        utime: entry.mtime >= 0 && entry.mtime <= 0x7fffffff ? entry.mtime : undefined,
      };
      r.needed = r.zip64Sizes || r.zip64Offset ? 45 : deflate || entry.type === 'dir' ? 20 : 10;
      const { header, zip64At } = localHeader(r);
      await sink.write(header);
      if (entry.type === 'file' && !deflate && body) {
        for await (const chunk of body()) if (chunk.length) throw new Error(`${entry.name}: file grew while being archived`);
      }
      if (deflate) {
        if (!body) throw new Error(`${entry.name}: no body for a ${entry.size}-byte file`);
        let read = 0;
        const counted = (async function* () {
          for await (const chunk of body()) {
            r.crc = crc32(chunk, r.crc);
            read += chunk.length;
            if (read > entry.size) throw new Error(`${entry.name}: file grew while being archived`);
            yield chunk;
          }
          if (read !== entry.size) throw new Error(`${entry.name}: expected ${entry.size} bytes, read ${read} (file changed while being archived?)`);
        })();
        for await (const chunk of rawDeflate(counted, level, opts.threads ?? 1)) {
          r.csize += chunk.length;
          await sink.write(chunk);
        }
        if (!r.zip64Sizes && r.csize >= MAX32) throw new Error(`${entry.name}: deflated to ${r.csize} bytes, beyond the ZIP64 estimate`);
        await sink.patch(offset + 14, new Fields(12).u32(r.crc).u32(r.zip64Sizes ? MAX32 : r.csize).u32(r.zip64Sizes ? MAX32 : r.usize).buf);
        if (r.zip64Sizes) await sink.patch(offset + zip64At, new Fields(16).u64(r.usize).u64(r.csize).buf);
      }
      records.push(r);
    }
    const cdOffset = sink.position;
    for (const r of records) await sink.write(centralHeader(r));
    const cdSize = sink.position - cdOffset;
    await sink.write(endRecords(records.length, cdOffset, cdSize, force));
    await sink.flush();
  } finally {
    await fh.close();
  }
}
