import { createHash, type Hash } from 'node:crypto';
import { compress, type CompressionKind } from '../../archive/compress/index.js';
import { readFileChunks, type Spool } from '../../archive/file-io.js';
import { cpioStream, type CpioItem } from '../../archive/cpio.js';
import type { ResolvedEntry } from '../../contents/types.js';

export interface PayloadResult {
  /** Hex SHA-256 of each regular file, by install path (FILEDIGESTS). */
  fileDigests: Map<string, string>;
  /** Compressed payload: its size and hex SHA-256 (PAYLOADDIGEST). */
  size: number;
  sha256: string;
  /** The cpio archive before compression (PAYLOADSIZE, PAYLOADDIGESTALT). */
  archiveSize: number;
  archiveSha256: string;
}

/** Reads a file once, feeding its digest as it streams into the archive. */
async function* hashed(path: string, hash: Hash): AsyncGenerator<Uint8Array> {
  for await (const chunk of readFileChunks(path)) {
    hash.update(chunk);
    yield chunk;
  }
}

/** Passes chunks through unchanged while hashing and counting them. */
async function* measured(source: AsyncIterable<Uint8Array>, hash: Hash, count: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    hash.update(chunk);
    count.bytes += chunk.length;
    yield chunk;
  }
}

function items(files: ResolvedEntry[], digests: Map<string, string>): CpioItem[] {
  return files.map((e, i) => {
    const entry = {
      // rpmbuild's names; rpm strips the leading "./" when matching the header's file list.
      name: `.${e.path}`,
      type: e.kind,
      mode: e.mode,
      // The header's FILEINODES; rpm takes owners from FILEUSERNAME/FILEGROUPNAME, not these ids.
      ino: i + 1,
      uid: 0,
      gid: 0,
      mtime: e.mtime,
      size: e.kind === 'file' ? e.size : 0,
      linkTarget: e.linkTarget,
    };
    const source = e.source;
    if (e.kind !== 'file') return { entry };
    if (!source) {
      digests.set(e.path, createHash('sha256').digest('hex'));
      return { entry };
    }
    return {
      entry,
      body: () => {
        const hash = createHash('sha256');
        return (async function* () {
          yield* hashed(source, hash);
          digests.set(e.path, hash.digest('hex'));
        })();
      },
    };
  });
}


/**
 * Streams the payload (cpio newc of `files`, compressed) into `spool`, reading every file
 * exactly once and taking all digests on the way. Memory does not grow with the payload.
 */
export async function writePayload(files: ResolvedEntry[], kind: CompressionKind, opts: { level: number; threads: number }, spool: Spool): Promise<PayloadResult> {
  const fileDigests = new Map<string, string>();
  const archiveHash = createHash('sha256');
  const archive = { bytes: 0 };
  const payloadHash = createHash('sha256');
  const payload = { bytes: 0 };
  const compressed = compress(kind, measured(cpioStream(items(files, fileDigests)), archiveHash, archive), opts);
  // The compressed chunks are borrowed: the spool copies what it keeps.
  await spool.writeAll(measured(compressed, payloadHash, payload), true);
  await spool.finish();
  return { fileDigests, size: payload.bytes, sha256: payloadHash.digest('hex'), archiveSize: archive.bytes, archiveSha256: archiveHash.digest('hex') };
}
