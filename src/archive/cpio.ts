/**
 * A streaming cpio writer in the SVR4 "newc" format (magic 070701, no CRC), the payload format
 * of rpm packages. Each entry is a 110-byte ASCII header, the NUL-terminated name padded so that
 * header + name end on a 4-byte boundary, then the body padded to 4 bytes. The archive ends with
 * an entry named `TRAILER!!!`. Hard links are never written: every entry has its own inode.
 */

export type CpioEntryType = 'file' | 'dir' | 'symlink';

export interface CpioEntry {
  /** Archive path, written as given (rpm expects `./usr/bin/tool`). */
  name: string;
  type: CpioEntryType;
  /** Permission bits only; the type bits are added from `type`. */
  mode: number;
  /** Inode number; unique per entry (rpm matches it with FILEINODES). */
  ino: number;
  uid: number;
  gid: number;
  /** Seconds since the epoch. */
  mtime: number;
  /** Body size for files (symlinks: the target is the body and its length is used instead). */
  size: number;
  linkTarget?: string;
}

export interface CpioItem {
  entry: CpioEntry;
  /** The file body; must yield exactly `entry.size` bytes. */
  body?: () => AsyncIterable<Uint8Array>;
}

export const CPIO_MAGIC = '070701';
export const CPIO_TRAILER = 'TRAILER!!!';
const HEADER_SIZE = 110;
/** File type bits of st_mode. */
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;
const TYPE_BITS: Record<CpioEntryType, number> = { file: S_IFREG, dir: S_IFDIR, symlink: S_IFLNK };

const encoder = new TextEncoder();
const MAX_FIELD = 0xffffffff;

function hex8(value: number, field: string, name: string): string {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_FIELD) throw new Error(`cpio ${field} of ${name} out of range: ${value} (newc fields hold 32 bits; files ≥ 4 GiB are not supported)`);
  return value.toString(16).padStart(8, '0');
}

function pad4(n: number): number {
  return (4 - (n % 4)) % 4;
}

/** The full st_mode (type + permission bits) of an entry. */
export function cpioMode(type: CpioEntryType, perm: number): number {
  return TYPE_BITS[type] | (perm & 0o7777);
}

/** The header, name and name padding of one entry, as one buffer. */
export function cpioHeader(e: CpioEntry, nlink: number, filesize: number): Uint8Array {
  const name = encoder.encode(e.name);
  if (name.length === 0) throw new Error('cpio entry with an empty name');
  if (name.includes(0)) throw new Error(`cpio name contains NUL: ${JSON.stringify(e.name)}`);
  const namesize = name.length + 1;
  const fields = [
    e.ino, // c_ino
    cpioMode(e.type, e.mode),
    e.uid,
    e.gid,
    nlink,
    e.mtime,
    filesize,
    0, // devmajor
    0, // devminor
    0, // rdevmajor
    0, // rdevminor
    namesize,
    0, // check (no CRC in 070701)
  ];
  const names = ['ino', 'mode', 'uid', 'gid', 'nlink', 'mtime', 'filesize', 'devmajor', 'devminor', 'rdevmajor', 'rdevminor', 'namesize', 'check'];
  const text = CPIO_MAGIC + fields.map((v, i) => hex8(v, names[i]!, e.name)).join('');
  const total = HEADER_SIZE + namesize;
  const out = new Uint8Array(total + pad4(total));
  out.set(encoder.encode(text), 0);
  out.set(name, HEADER_SIZE);
  return out;
}

function trailer(): Uint8Array {
  // All-zero fields except nlink 1 and namesize, as GNU cpio and rpm write it.
  const name = encoder.encode(CPIO_TRAILER);
  const text = CPIO_MAGIC + [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, name.length + 1, 0].map((v) => v.toString(16).padStart(8, '0')).join('');
  const total = HEADER_SIZE + name.length + 1;
  const out = new Uint8Array(total + pad4(total));
  out.set(encoder.encode(text), 0);
  out.set(name, HEADER_SIZE);
  return out;
}

/**
 * Streams a whole archive: entries in the order given, then the trailer. Unlike tar there is no
 * record padding at the end (rpm does not want any). File bodies are read lazily, one at a time.
 */
export async function* cpioStream(items: Iterable<CpioItem> | AsyncIterable<CpioItem>): AsyncGenerator<Uint8Array> {
  for await (const { entry, body } of items) {
    if (entry.name === CPIO_TRAILER) throw new Error(`an entry may not be named ${CPIO_TRAILER}`);
    if (entry.type === 'symlink') {
      const target = encoder.encode(entry.linkTarget ?? '');
      if (target.length === 0) throw new Error(`symlink ${entry.name} has no target`);
      yield cpioHeader(entry, 1, target.length);
      yield target;
      const p = pad4(target.length);
      if (p) yield new Uint8Array(p);
      continue;
    }
    if (entry.type === 'dir') {
      yield cpioHeader(entry, 2, 0);
      continue;
    }
    yield cpioHeader(entry, 1, entry.size);
    let written = 0;
    if (body) {
      for await (const chunk of body()) {
        written += chunk.length;
        if (written > entry.size) throw new Error(`${entry.name}: file grew while being archived`);
        yield chunk;
      }
    }
    if (written !== entry.size) throw new Error(`${entry.name}: expected ${entry.size} bytes, read ${written} (file changed while being archived?)`);
    const p = pad4(entry.size);
    if (p) yield new Uint8Array(p);
  }
  yield trailer();
}
