import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { compress } from '../../archive/compress/index.js';
import { FileSink, readFileChunks } from '../../archive/file-io.js';
import { tarStream, type TarItem } from '../../archive/tar.js';
import { writeZip, type ZipItem } from '../../archive/zip.js';
import type { ArchiveFormat } from '../../config/types.js';
import type { ResolvedEntry } from '../../contents/types.js';

export interface ArchiveWriteOptions {
  /** Top-level directory every entry goes under (wrap_in_directory), or none. */
  root?: string;
  threads: number;
  /** ZIP only: ZIP64 records even for small archives (tests). */
  forceZip64?: boolean;
}

/** Archive member names: no `./` prefix (what install scripts and Homebrew expect), `/` after directories. */
function members(entries: ResolvedEntry[], root: string | undefined): { name: string; e: ResolvedEntry }[] {
  const out: { name: string; e: ResolvedEntry }[] = [];
  for (const e of entries) {
    if (e.kind === 'symlink') throw new Error(`archive entry ${e.path} is a symlink; archive files are dereferenced`);
    const rel = root ? `${root}${e.path}` : e.path.slice(1);
    out.push({ name: e.kind === 'dir' ? `${rel}/` : rel, e });
  }
  return out;
}

// ZIP bodies are read by a stream (zip.ts may keep a chunk while it deflates the next); tar bodies
// through one reused buffer, since the compressor copies every chunk before it asks for the next.
const zipBody = (source: string) => () => createReadStream(source, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>;
const tarBody = (source: string) => () => readFileChunks(source);

function rootDir(root: string, entries: ResolvedEntry[]): ResolvedEntry {
  const mtime = entries[0]?.mtime ?? 0;
  return { path: `/${root}`, kind: 'dir', size: 0, mode: 0o755, owner: 'root', group: 'root', mtime, config: false, noreplace: false, doc: false, implicit: true };
}

/**
 * Writes a .tar.gz (GNU tar, root:root, gzip -9 with MTIME 0) or a .zip of the entries, in their
 * order (sorted by the resolver). Bodies stream from disk; memory does not grow with their size.
 */
export async function writeArchive(format: ArchiveFormat, entries: ResolvedEntry[], outPath: string, opts: ArchiveWriteOptions): Promise<void> {
  const list = members(entries, opts.root);
  if (opts.root) list.unshift({ name: `${opts.root}/`, e: rootDir(opts.root, entries) });
  if (format === 'zip') {
    const items: ZipItem[] = list.map(({ name, e }) => ({
      entry: { name, type: e.kind === 'dir' ? 'dir' : 'file', mode: e.mode, mtime: e.mtime, size: e.kind === 'file' ? e.size : 0 },
      body: e.source ? zipBody(e.source) : undefined,
    }));
    await writeZip(items, outPath, { threads: opts.threads, forceZip64: opts.forceZip64 });
    return;
  }
  const items: TarItem[] = list.map(({ name, e }) => ({
    entry: { name, type: e.kind === 'dir' ? 'dir' : 'file', mode: e.mode, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: e.mtime, size: e.kind === 'file' ? e.size : 0 },
    body: e.source ? tarBody(e.source) : undefined,
  }));
  const out = await FileSink.create(outPath);
  try {
    await out.writeAll(compress('gzip', tarStream(items), { level: 9, threads: opts.threads }));
  } catch (e) {
    await out.abandon();
    await rm(outPath, { force: true });
    throw e;
  }
  await out.close();
}
