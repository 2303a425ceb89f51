import { closeSync, fstatSync, openSync, readdirSync, readlinkSync, readSync, statSync } from 'node:fs';
import { glob } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
import type { ContentSpec, Platform } from '../config/types.js';
import { ConfigurationError, ConfigurationErrors, type SourceLocation } from '../core/errors.js';
import { comparePaths, normaliseDst, parentDirs } from './paths.js';
import type { ResolvedEntry } from './types.js';

export interface ResolveOptions {
  /** Directory relative `src` paths resolve against (the config file's directory). */
  baseDir: string;
  /** Absolute `src` paths must lie inside this directory unless `allowExternal`. */
  workspace: string;
  allowExternal?: boolean;
  mtime: number;
  /** Packager name, to honour `packager:` filters. */
  format: string;
  platform: Platform;
  /** Renders `{{ .Version }}`-style templates of one field. */
  render: (value: string, field: string) => string;
  /** The config file and a way back to its lines, for error locations. */
  file: string;
  locate?: (pointer: string) => { line: number; column: number } | undefined;
}

const GLOB_CHARS = /[*?[\]{}]/;

/** Magic numbers of things that must be executable: scripts, ELF, PE, Mach-O (all byte orders). */
const EXEC_MAGIC = [[0x23, 0x21], [0x7f, 0x45, 0x4c, 0x46], [0x4d, 0x5a], [0xfe, 0xed, 0xfa, 0xcf], [0xcf, 0xfa, 0xed, 0xfe], [0xfe, 0xed, 0xfa, 0xce], [0xce, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]];

/**
 * The default mode of a file when the config gives none. It is sniffed from the content, not
 * taken from the disk, because Windows checkouts have no executable bit and the same input must
 * give the same package on every OS.
 */
export async function sniffMode(path: string): Promise<number> {
  return fileFacts(path, true).mode ?? 0o644;
}

/**
 * Size of a file, and its sniffed mode when `sniff` (one open for both). The metadata calls of
 * contents resolution are synchronous: each is a few microseconds of system time, while an async
 * call costs a round trip through libuv's pool and the event loop (measured: resolving the bench
 * payload's 52 entries took 14-15 ms with async calls, 8-9 ms like this).
 */
function fileFacts(path: string, sniff: boolean): { size: number; mode?: number } {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (!sniff) return { size };
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, 4, 0);
    return { size, mode: EXEC_MAGIC.some((m) => m.length <= n && m.every((b, i) => head[i] === b)) ? 0o755 : 0o644 };
  } finally {
    closeSync(fd);
  }
}

function parseMode(mode: string | undefined, location: SourceLocation): number | undefined {
  if (mode === undefined) return undefined;
  if (!/^0?[0-7]{3,4}$/.test(mode)) throw new ConfigurationError(`mode "${mode}" is not an octal permission`, { location, fix: 'write it as a quoted octal string such as "0755" or "0644"' });
  return parseInt(mode, 8);
}

/** The directory part of a glob before its first wildcard segment: `dist/*\/x` → `dist`. */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const i = parts.findIndex((p) => GLOB_CHARS.test(p));
  return parts.slice(0, i < 0 ? parts.length - 1 : i).join('/') || '.';
}

interface Found {
  /** Path relative to the entry's root (POSIX separators); '' for the root itself. */
  rel: string;
  abs: string;
  kind: 'file' | 'dir' | 'symlink';
}

/**
 * Everything under `root`, depth first in name order. One readdir per directory, with the entry
 * types it returns (no stat per entry); directories are read one at a time, so no tree, however
 * wide and deep, holds many descriptors open.
 */
function walk(root: string, rel = ''): Found[] {
  const out: Found[] = [];
  const dirents = readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of dirents) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    const abs = join(root, r);
    if (d.isSymbolicLink()) out.push({ rel: r, abs, kind: 'symlink' });
    else if (d.isDirectory()) out.push({ rel: r, abs, kind: 'dir' }, ...walk(root, r));
    else if (d.isFile()) out.push({ rel: r, abs, kind: 'file' });
  }
  return out;
}

/**
 * Expands the config's `contents` for one packager and platform into a sorted, de-duplicated
 * list of entries with every parent directory present. All problems are reported together.
 */
export async function resolveContents(specs: ContentSpec[], opts: ResolveOptions): Promise<ResolvedEntry[]> {
  const errors: ConfigurationError[] = [];
  const byPath = new Map<string, ResolvedEntry>();

  const add = (e: ResolvedEntry, location: SourceLocation): void => {
    const prev = byPath.get(e.path);
    if (prev && !(prev.kind === 'dir' && e.kind === 'dir')) {
      errors.push(new ConfigurationError(`"${e.path}" is installed twice (by ${prev.origin} and ${e.origin})`, { location, fix: 'give each entry its own dst, or narrow one of the globs' }));
      return;
    }
    byPath.set(e.path, prev && prev.kind === 'dir' ? { ...prev, ...e } : e);
  };

  for (const [index, spec] of specs.entries()) {
    const origin = `contents[${index}]`;
    const loc = (key: string): SourceLocation => {
      const at = opts.locate?.(`/contents/${index}/${key}`) ?? opts.locate?.(`/contents/${index}`);
      return { file: opts.file, line: at?.line, column: at?.column, field: `${origin}.${key}` };
    };
    if (spec.packager && spec.packager !== opts.format) continue;
    if (spec.arch && !spec.arch.includes(opts.platform.arch)) continue;
    try {
      await resolveOne(spec, origin, loc, opts, add);
    } catch (e) {
      if (e instanceof ConfigurationError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ConfigurationErrors(errors);

  for (const path of [...byPath.keys()]) {
    for (const dir of parentDirs(path)) {
      const existing = byPath.get(dir);
      if (existing && existing.kind !== 'dir') throw new ConfigurationError(`"${path}" needs "${dir}" to be a directory, but ${existing.origin} installs a ${existing.kind} there`, { location: { file: opts.file, field: existing.origin } });
      if (!existing) byPath.set(dir, dirEntry(dir, 0o755, 'root', 'root', opts.mtime, true, undefined));
    }
  }
  return [...byPath.values()].sort((a, b) => comparePaths(a.path, b.path));
}

function dirEntry(path: string, mode: number, owner: string, group: string, mtime: number, implicit: boolean, origin: string | undefined): ResolvedEntry {
  return { path, kind: 'dir', size: 0, mode, owner, group, mtime, config: false, noreplace: false, doc: false, implicit, origin };
}

async function resolveOne(
  spec: ContentSpec,
  origin: string,
  loc: (key: string) => SourceLocation,
  opts: ResolveOptions,
  add: (e: ResolvedEntry, location: SourceLocation) => void,
): Promise<void> {
  const type = spec.type ?? 'file';
  const rawDst = opts.render(spec.dst, `${origin}.dst`);
  const dstLoc = loc('dst');
  const dst = normaliseDst(rawDst, dstLoc);
  const intoDir = rawDst.endsWith('/');
  const mode = parseMode(spec.file_info?.mode, loc('file_info'));
  const owner = spec.file_info?.owner ?? 'root';
  const group = spec.file_info?.group ?? 'root';
  const flags = { config: type === 'config' || type === 'config|noreplace', noreplace: type === 'config|noreplace', doc: type === 'doc' };

  if (type === 'dir') {
    add(dirEntry(dst, mode ?? 0o755, owner, group, opts.mtime, false, origin), dstLoc);
    return;
  }
  if (spec.src === undefined || spec.src === '') {
    throw new ConfigurationError(`${type === 'symlink' ? 'a symlink needs its target in "src"' : 'a file entry needs "src"'}`, { location: loc('src'), fix: type === 'symlink' ? 'set src to the link target, e.g. ../lib/tool/tool' : 'set src to a file, directory or glob relative to the working directory' });
  }
  const src = opts.render(spec.src, `${origin}.src`);
  if (type === 'symlink') {
    add({ path: dst, kind: 'symlink', size: Buffer.byteLength(src), mode: 0o777, owner, group, mtime: opts.mtime, linkTarget: src, ...flags, implicit: false, origin }, dstLoc);
    return;
  }

  const srcLoc = loc('src');
  if (src.includes('\\')) throw new ConfigurationError(`source path "${src}" uses Windows separators`, { location: srcLoc, fix: `write "${src.replace(/\\/g, '/')}"; forward slashes work on every runner` });
  const abs = resolvePath(opts.baseDir, src);
  const inside = (p: string) => {
    const r = relative(resolvePath(opts.workspace), p);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  if (!opts.allowExternal && !inside(abs)) {
    throw new ConfigurationError(`source "${src}" is outside the workspace (${opts.workspace})`, { location: srcLoc, fix: 'copy the file into the workspace, or set the input allow-external-src: true' });
  }

  const makeFile = (path: string, source: string): ResolvedEntry => {
    const facts = fileFacts(source, mode === undefined);
    return { path, kind: 'file', source, size: facts.size, mode: mode ?? facts.mode ?? 0o644, owner, group, mtime: opts.mtime, ...flags, implicit: false, origin };
  };
  const addTree = (root: string, dstRoot: string): void => {
    for (const f of walk(root)) add(treeEntry(f, `${dstRoot}/${f.rel}`), dstLoc);
  };
  const treeEntry = (f: Found, path: string): ResolvedEntry => {
    if (f.kind === 'dir') return dirEntry(path, 0o755, owner, group, opts.mtime, false, origin);
    if (f.kind === 'symlink') {
      const target = readlinkSync(f.abs).split(sep).join('/');
      return { path, kind: 'symlink', size: Buffer.byteLength(target), mode: 0o777, owner, group, mtime: opts.mtime, linkTarget: target, ...flags, implicit: false, origin };
    }
    return makeFile(path, f.abs);
  };

  if (GLOB_CHARS.test(src)) {
    const base = resolvePath(opts.baseDir, globBase(src));
    const matches: string[] = [];
    for await (const m of glob(src, { cwd: opts.baseDir })) matches.push(resolvePath(opts.baseDir, m));
    matches.sort(comparePaths);
    if (matches.length === 0) throw new ConfigurationError(`no files match "${src}"`, { location: srcLoc, fix: `check the pattern against the files in ${opts.baseDir}; build the binaries before packaging` });
    for (const m of matches) {
      const rel = relative(base, m).split(sep).join('/');
      if (statSync(m).isDirectory()) addTree(m, `${dst}/${rel}`);
      else add(makeFile(`${dst}/${rel}`, m), dstLoc);
    }
    return;
  }

  let st;
  try {
    st = statSync(abs);
  } catch {
    throw new ConfigurationError(`source "${src}" does not exist (looked for ${abs})`, { location: srcLoc, fix: `build or download the file before this step, or fix the path (relative paths start at the working directory, ${opts.baseDir})` });
  }
  if (st.isDirectory()) {
    add(dirEntry(dst, mode ?? 0o755, owner, group, opts.mtime, false, origin), dstLoc);
    addTree(abs, dst);
  } else {
    const name = abs.split(sep).pop() ?? '';
    add(makeFile(intoDir ? `${dst}/${name}` : dst, abs), dstLoc);
  }
}
