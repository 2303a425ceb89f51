import { createHash } from 'node:crypto';
import { arHeader, arPadding, AR_MAGIC } from '../../archive/ar.js';
import { compress, compressBuffer, extensionFor, type CompressionKind } from '../../archive/compress/index.js';
import { FileSink, readFileChunks, Spool } from '../../archive/file-io.js';
import { tarStream, type TarItem } from '../../archive/tar.js';
import type { ResolvedEntry } from '../../contents/types.js';
import type { ResolvedScripts, WrittenFile } from '../types.js';

const SCRIPT_NAMES: [keyof ResolvedScripts, string][] = [
  ['preinstall', 'preinst'],
  ['postinstall', 'postinst'],
  ['preremove', 'prerm'],
  ['postremove', 'postrm'],
];

function tarName(e: ResolvedEntry): string {
  return `.${e.path}${e.kind === 'dir' ? '/' : ''}`;
}

function root(mtime: number) {
  return { name: './', type: 'dir' as const, mode: 0o755, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime, size: 0 };
}

/** Reads a file once, feeding the hash as it streams into the archive. */
async function* hashed(path: string, hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array> {
  for await (const chunk of readFileChunks(path)) {
    hash.update(chunk);
    yield chunk;
  }
}

/** data.tar items: `./` then every entry, file bodies streamed from disk with their md5 taken on the way. */
function dataItems(entries: ResolvedEntry[], mtime: number, md5s: Map<string, string>): TarItem[] {
  const items: TarItem[] = [{ entry: root(mtime) }];
  for (const e of entries) {
    const entry = {
      name: tarName(e),
      type: e.kind,
      mode: e.mode,
      // Owners other than root are written by name; dpkg resolves the name on the target system.
      uid: 0,
      gid: 0,
      uname: e.owner,
      gname: e.group,
      mtime: e.mtime,
      size: e.kind === 'file' ? e.size : 0,
      linkTarget: e.linkTarget,
    };
    if (e.kind !== 'file' || !e.source) {
      items.push({ entry });
      continue;
    }
    const source = e.source;
    items.push({
      entry,
      body: () => {
        const hash = createHash('md5');
        return (async function* () {
          yield* hashed(source, hash);
          md5s.set(e.path.slice(1), hash.digest('hex'));
        })();
      },
    });
  }
  return items;
}

async function controlTar(control: string, md5s: Map<string, string>, entries: ResolvedEntry[], scripts: ResolvedScripts, mtime: number): Promise<Uint8Array[]> {
  const files: [string, string, number][] = [['control', control, 0o644]];
  const sums = [...md5s.entries()].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (sums.length) files.push(['md5sums', sums.map(([p, h]) => `${h}  ${p}\n`).join(''), 0o644]);
  const conffiles = entries.filter((e) => e.config && e.kind === 'file').map((e) => e.path);
  if (conffiles.length) files.push(['conffiles', conffiles.map((p) => `${p}\n`).join(''), 0o644]);
  for (const [key, name] of SCRIPT_NAMES) {
    const s = scripts[key];
    if (s !== undefined) files.push([name, s, 0o755]);
  }
  const items: TarItem[] = [{ entry: root(mtime) }];
  for (const [name, text, mode] of files) {
    const body = Buffer.from(text, 'utf8');
    items.push({ entry: { name: `./${name}`, type: 'file', mode, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime, size: body.length }, body: async function* () { yield body; } });
  }
  const chunks: Uint8Array[] = [];
  for await (const c of tarStream(items)) chunks.push(c);
  return chunks;
}

export interface DebWriteInput {
  entries: ResolvedEntry[];
  scripts: ResolvedScripts;
  mtime: number;
  compression: CompressionKind;
  /** The compressor's level (for `none`, ignored). */
  level: number;
  threads: number;
  control: string;
}

/**
 * Writes a .deb in one pass over the payload: data.tar is streamed through the compressor into a
 * spool (memory up to 1 MiB, else a side file) while md5sums are taken (control.tar, which holds
 * them, comes first in the ar); then the ar container is written with control.tar and the spool. Memory does not grow
 * with the payload. Returns the SHA-256 and size of the .deb, taken as it was written.
 */
export async function writeDeb(input: DebWriteInput, outPath: string): Promise<WrittenFile> {
  const md5s = new Map<string, string>();
  const data = new Spool(`${outPath}.data`);
  const opts = input.compression === 'none' ? {} : { threads: input.threads, level: input.level };
  try {
    // The chunks are borrowed (the file reads' buffers, or the compressor's): the spool copies what it keeps.
    await data.writeAll(compress(input.compression, tarStream(dataItems(input.entries, input.mtime, md5s)), opts), true);
    await data.finish();
    const dataSize = data.size;

    const controlBytes = await compressBuffer(input.compression, Buffer.concat(await controlTar(input.control, md5s, input.entries, input.scripts, input.mtime)), opts);
    const ext = extensionFor(input.compression);

    const out = await FileSink.create(outPath);
    try {
      const binary = Buffer.from('2.0\n');
      await out.writeAll([AR_MAGIC, arHeader({ name: 'debian-binary', size: binary.length, mtime: input.mtime }), binary]);
      await out.writeAll([arHeader({ name: `control.tar${ext}`, size: controlBytes.length, mtime: input.mtime }), controlBytes, arPadding(controlBytes.length)]);
      await out.write(arHeader({ name: `data.tar${ext}`, size: dataSize, mtime: input.mtime }));
      await out.writeAll(data.replay());
      await out.write(arPadding(dataSize));
    } catch (e) {
      await out.abandon();
      throw e;
    }
    return await out.close();
  } finally {
    await data.dispose();
  }
}
