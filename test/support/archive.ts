/**
 * Builds release archives the way the build core's plan and write phases do, by calling the
 * archive packager's resolveEntries hook directly (so these tests do not depend on how the CLI
 * wires it), plus small readers for .zip and .tar.gz that the unit tests check bytes with.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { configFor, loadConfig, renderTemplate } from '../../src/config/index.js';
import type { Platform } from '../../src/config/types.js';
import { resolveContents, type ResolveOptions } from '../../src/contents/resolve.js';
import { archivePackager } from '../../src/packagers/archive/index.js';
import type { PackageInfo } from '../../src/packagers/types.js';
import { parseVersion } from '../../src/version/index.js';

export const EPOCH = 1700000000;

export interface PlanOptions {
  workdir: string;
  config: string;
  version?: string;
  mtime?: number;
  allowExternal?: boolean;
}

/** One PackageInfo per platform of the config, entries planned by archivePackager.resolveEntries. */
export async function planArchives(o: PlanOptions): Promise<PackageInfo[]> {
  const loaded = await loadConfig(resolve(o.workdir, o.config), { cwd: o.workdir, displayRoot: o.workdir });
  const out: PackageInfo[] = [];
  for (const platform of loaded.config.platforms) {
    const config = configFor(loaded, 'archive');
    const version = parseVersion(o.version ?? config.version ?? '0.0.0');
    const vars = { Name: config.name, Version: version.version, Release: config.release, Os: platform.os, Arch: platform.arch };
    const opts: ResolveOptions = {
      baseDir: loaded.baseDir,
      workspace: o.workdir,
      allowExternal: o.allowExternal ?? false,
      mtime: o.mtime ?? EPOCH,
      format: 'archive',
      platform,
      render: (v, field) => renderTemplate(v, vars, field, loaded),
      file: loaded.file,
      locate: loaded.locate.bind(loaded),
    };
    const entries = await archivePackager.resolveEntries(config, opts, () => resolveContents(config.contents, opts));
    out.push({ config, version, platform, entries, scripts: {}, mtime: opts.mtime, file: loaded.file, baseDir: loaded.baseDir });
  }
  return out;
}

/** Writes every planned archive into a fresh directory; returns name → path. */
export async function writeArchives(infos: PackageInfo[], opts: { threads?: number; forceZip64?: boolean; only?: (p: Platform) => boolean } = {}): Promise<Map<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'pa-archive-'));
  const out = new Map<string, string>();
  for (const info of infos) {
    if (opts.only && !opts.only(info.platform)) continue;
    const name = archivePackager.fileName(info);
    await archivePackager.write(info, join(dir, name), { threads: opts.threads ?? 1, forceZip64: opts.forceZip64 });
    out.set(name, join(dir, name));
  }
  return out;
}

export interface ZipMember {
  name: string;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  compressedSize: number;
  size: number;
  externalAttrs: number;
  offset: number;
  centralExtra: Map<number, Buffer>;
  localExtra: Map<number, Buffer>;
  data: Buffer;
}

function extras(buf: Buffer): Map<number, Buffer> {
  const m = new Map<number, Buffer>();
  for (let i = 0; i + 4 <= buf.length; ) {
    const id = buf.readUInt16LE(i);
    const len = buf.readUInt16LE(i + 2);
    m.set(id, buf.subarray(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return m;
}

/** An independent reader: end record (ZIP64 when present), central directory, local headers, inflated data. */
export function readZip(zip: Buffer): { members: ZipMember[]; zip64End?: { count: bigint; cdSize: bigint; cdOffset: bigint; at: number }; end: { count: number; cdSize: number; cdOffset: number } } {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0 || endAt !== zip.length - 22) throw new Error('no end of central directory record at the end');
  const end = { count: zip.readUInt16LE(endAt + 10), cdSize: zip.readUInt32LE(endAt + 12), cdOffset: zip.readUInt32LE(endAt + 16) };
  let zip64End;
  let count = end.count;
  let cd = end.cdOffset;
  if (zip.readUInt32LE(endAt - 20) === 0x07064b50) {
    const at = Number(zip.readBigUInt64LE(endAt - 20 + 8));
    if (zip.readUInt32LE(at) !== 0x06064b50) throw new Error('ZIP64 locator does not point at a ZIP64 end record');
    zip64End = { count: zip.readBigUInt64LE(at + 32), cdSize: zip.readBigUInt64LE(at + 40), cdOffset: zip.readBigUInt64LE(at + 48), at };
    count = Number(zip64End.count);
    cd = Number(zip64End.cdOffset);
  }
  const members: ZipMember[] = [];
  for (let i = 0, p = cd; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central header at ${p}`);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const centralExtra = extras(zip.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    let size = zip.readUInt32LE(p + 24);
    let compressedSize = zip.readUInt32LE(p + 20);
    let offset = zip.readUInt32LE(p + 42);
    const z64 = centralExtra.get(1);
    let k = 0;
    if (z64 && size === 0xffffffff) size = Number(z64.readBigUInt64LE(8 * k++));
    if (z64 && compressedSize === 0xffffffff) compressedSize = Number(z64.readBigUInt64LE(8 * k++));
    if (z64 && offset === 0xffffffff) offset = Number(z64.readBigUInt64LE(8 * k++));
    const m = {
      name: zip.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
      versionMadeBy: zip.readUInt16LE(p + 4),
      versionNeeded: zip.readUInt16LE(p + 6),
      flags: zip.readUInt16LE(p + 8),
      method: zip.readUInt16LE(p + 10),
      dosTime: zip.readUInt16LE(p + 12),
      dosDate: zip.readUInt16LE(p + 14),
      crc: zip.readUInt32LE(p + 16),
      compressedSize,
      size,
      externalAttrs: zip.readUInt32LE(p + 38),
      offset,
      centralExtra,
    };
    if (zip.readUInt32LE(offset) !== 0x04034b50) throw new Error(`bad local header for ${m.name}`);
    const lNameLen = zip.readUInt16LE(offset + 26);
    const lExtraLen = zip.readUInt16LE(offset + 28);
    const localExtra = extras(zip.subarray(offset + 30 + lNameLen, offset + 30 + lNameLen + lExtraLen));
    const start = offset + 30 + lNameLen + lExtraLen;
    const raw = zip.subarray(start, start + compressedSize);
    const data = m.method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    members.push({ ...m, localExtra, data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { members, zip64End, end };
}

export interface TarMember {
  name: string;
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  mtime: number;
  type: string;
  data: Buffer;
}

/** Lists a .tar.gz (gzip -d in memory, then 512-byte headers; enough for our small fixtures). */
export function readTarGz(file: Buffer): { gzipHeader: Buffer; members: TarMember[] } {
  const tar = gunzipSync(file);
  const members: TarMember[] = [];
  const str = (b: Buffer) => b.toString('utf8').replace(/\0.*$/s, '');
  const num = (b: Buffer) => parseInt(str(b).trim() || '0', 8);
  for (let p = 0; p + 512 <= tar.length; ) {
    const h = tar.subarray(p, p + 512);
    if (h.every((b) => b === 0)) break;
    const size = num(h.subarray(124, 136));
    members.push({
      name: str(h.subarray(0, 100)),
      mode: num(h.subarray(100, 108)),
      uid: num(h.subarray(108, 116)),
      gid: num(h.subarray(116, 124)),
      mtime: num(h.subarray(136, 148)),
      type: String.fromCharCode(h[156]!),
      uname: str(h.subarray(265, 297)),
      gname: str(h.subarray(297, 329)),
      data: Buffer.from(tar.subarray(p + 512, p + 512 + size)),
    });
    p += 512 + Math.ceil(size / 512) * 512;
  }
  return { gzipHeader: file.subarray(0, 10), members };
}
