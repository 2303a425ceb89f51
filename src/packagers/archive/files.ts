/**
 * What goes into a release archive, as ResolvedEntry values whose `path` is the archive path with
 * a leading `/` (`/servin`, `/docs/README.md`), parents included, sorted bytewise. Either the
 * `archives.files` list, or by default the programs of the resolved `contents`.
 */
import { glob, lstat, readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, posix, relative, resolve as resolvePath, sep } from 'node:path';
import type { ArchiveFileSpec, Platform } from '../../config/types.js';
import { sniffMode, type ResolveOptions } from '../../contents/resolve.js';
import { comparePaths, parentDirs } from '../../contents/paths.js';
import type { ResolvedEntry } from '../../contents/types.js';
import { ConfigurationError, ConfigurationErrors, type SourceLocation } from '../../core/errors.js';

const GLOB_CHARS = /[*?[\]{}]/;

function entry(path: string, kind: 'file' | 'dir', mtime: number, mode: number, origin: string | undefined, source?: string, size = 0): ResolvedEntry {
  return { path, kind, source, size, mode, owner: 'root', group: 'root', mtime, config: false, noreplace: false, doc: false, implicit: origin === undefined, origin };
}

/** Adds parent directories and sorts; the final shape every archive writer takes. */
function finish(byPath: Map<string, ResolvedEntry>, mtime: number, file: string): ResolvedEntry[] {
  for (const path of [...byPath.keys()]) {
    for (const dir of parentDirs(path)) {
      const existing = byPath.get(dir);
      if (existing && existing.kind !== 'dir') {
        throw new ConfigurationError(`"${path.slice(1)}" needs "${dir.slice(1)}" to be a directory, but ${existing.origin} puts a file there`, { location: { file, field: existing.origin } });
      }
      if (!existing) byPath.set(dir, entry(dir, 'dir', mtime, 0o755, undefined));
    }
  }
  return [...byPath.values()].sort((a, b) => comparePaths(a.path, b.path));
}

/**
 * The default: every file the contents install into a `bin` or `sbin` directory, at the archive
 * root under its installed name. On windows the name gets `.exe` when the source file has it
 * (contents install `/usr/bin/app` from `app.exe`). Symlinks are left out: their targets are
 * install-layout paths that mean nothing at the archive root.
 */
export function defaultArchiveEntries(contents: ResolvedEntry[], { platform, file, mtime }: { platform: Platform; file: string; mtime: number }): ResolvedEntry[] {
  const byPath = new Map<string, ResolvedEntry>();
  for (const e of contents) {
    const dir = posix.basename(posix.dirname(e.path));
    if (e.kind !== 'file' || (dir !== 'bin' && dir !== 'sbin')) continue;
    let name = posix.basename(e.path);
    if (platform.os === 'windows' && /\.exe$/i.test(e.source ?? '') && !/\.exe$/i.test(name)) name += '.exe';
    const prev = byPath.get(`/${name}`);
    if (prev) {
      throw new ConfigurationError(`${prev.origin} and ${e.origin} would both be "${name}" at the root of the ${platform.os}/${platform.arch} archive`, {
        location: { file, field: 'archives.files' },
        fix: 'list what goes into the archive in archives.files, with a dst for each',
      });
    }
    byPath.set(`/${name}`, { ...e, path: `/${name}` });
  }
  if (byPath.size === 0) {
    throw new ConfigurationError(`nothing to put in the ${platform.os}/${platform.arch} archive: there is no archives.files, and no contents entry installs a file into a bin or sbin directory`, {
      location: { file, field: 'archives.files' },
      fix: 'add archives.files, e.g. - { src: "dist/app_{{ .Os }}_{{ .Arch }}/app{{ .Exe }}", dst: "app{{ .Exe }}" }',
    });
  }
  return finish(byPath, mtime, file);
}

/** A relative archive path without `..`, backslashes or drive letters, normalised; '' for the root. */
function archivePath(dst: string, location: SourceLocation): string {
  const fail = (why: string, fix: string) => new ConfigurationError(`archive path "${dst}" ${why}`, { location, fix });
  if (dst.includes('\\')) throw fail('uses Windows separators', `write "${dst.replace(/\\/g, '/')}"`);
  if (/^[A-Za-z]:/.test(dst) || dst.startsWith('/')) throw fail('is absolute; paths inside an archive are relative to its root', `write "${dst.replace(/^([A-Za-z]:)?\/+/, '')}"`);
  if (dst.split('/').includes('..')) throw fail('contains ".."', 'write the path inside the archive without ".." segments');
  const normal = posix.normalize(dst).replace(/\/+$/, '');
  return normal === '.' ? '' : normal;
}

/** Resolves `archives.files` for one platform. All problems are reported together. */
export async function resolveArchiveFiles(specs: ArchiveFileSpec[], opts: ResolveOptions): Promise<ResolvedEntry[]> {
  const errors: ConfigurationError[] = [];
  const byPath = new Map<string, ResolvedEntry>();
  for (const [index, spec] of specs.entries()) {
    const origin = `archives.files[${index}]`;
    const loc = (key: string): SourceLocation => {
      const at = opts.locate?.(`/archives/files/${index}/${key}`) ?? opts.locate?.(`/archives/files/${index}`);
      return { file: opts.file, line: at?.line, column: at?.column, field: `${origin}.${key}` };
    };
    const add = (e: ResolvedEntry): void => {
      const prev = byPath.get(e.path);
      if (prev && !(prev.kind === 'dir' && e.kind === 'dir')) {
        errors.push(new ConfigurationError(`"${e.path.slice(1)}" is put into the archive twice (by ${prev.origin} and ${origin})`, { location: loc('dst'), fix: 'give each entry its own dst, or narrow one of the globs' }));
      } else if (!prev) byPath.set(e.path, e);
    };
    try {
      await resolveOne(spec, origin, loc, opts, add);
    } catch (e) {
      if (e instanceof ConfigurationError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ConfigurationErrors(errors);
  return finish(byPath, opts.mtime, opts.file);
}

async function resolveOne(spec: ArchiveFileSpec, origin: string, loc: (key: string) => SourceLocation, opts: ResolveOptions, add: (e: ResolvedEntry) => void): Promise<void> {
  const src = opts.render(spec.src, `${origin}.src`);
  const rawDst = spec.dst === undefined ? undefined : opts.render(spec.dst, `${origin}.dst`);
  const dst = rawDst === undefined ? undefined : archivePath(rawDst, loc('dst'));
  const intoDir = rawDst !== undefined && (rawDst.endsWith('/') || dst === '');
  const mode = spec.file_info?.mode === undefined ? undefined : parseInt(spec.file_info.mode, 8);
  const srcLoc = loc('src');
  if (src.includes('\\')) throw new ConfigurationError(`source path "${src}" uses Windows separators`, { location: srcLoc, fix: `write "${src.replace(/\\/g, '/')}"; forward slashes work on every runner` });
  const abs = resolvePath(opts.baseDir, src);
  const r = relative(resolvePath(opts.workspace), abs);
  if (!opts.allowExternal && (r.startsWith('..') || isAbsolute(r))) {
    throw new ConfigurationError(`source "${src}" is outside the workspace (${opts.workspace})`, { location: srcLoc, fix: 'copy the file into the workspace, or set the input allow-external-src: true' });
  }
  const join2 = (a: string | undefined, b: string) => (a ? `${a}/${b}` : b);

  const addFile = async (path: string, source: string, size: number) => add(entry(`/${path}`, 'file', opts.mtime, mode ?? (await sniffMode(source)), origin, source, size));
  const addTree = async (root: string, path: string): Promise<void> => {
    add(entry(`/${path}`, 'dir', opts.mtime, 0o755, origin));
    for (const name of (await readdir(root)).sort(comparePaths)) {
      const abs2 = join(root, name);
      const st = await followed(abs2, srcLoc);
      if (st.isDirectory()) {
        if ((await lstat(abs2)).isSymbolicLink()) throw new ConfigurationError(`"${relative(opts.baseDir, abs2).split(sep).join('/')}" is a symlink to a directory, which archives do not follow`, { location: srcLoc, fix: 'list the directory it points to in archives.files instead' });
        await addTree(abs2, `${path}/${name}`);
      } else await addFile(`${path}/${name}`, abs2, st.size);
    }
  };

  if (GLOB_CHARS.test(src)) {
    const parts = src.split('/');
    const wild = parts.findIndex((p) => GLOB_CHARS.test(p));
    const base = resolvePath(opts.baseDir, parts.slice(0, wild).join('/') || '.');
    const matches: string[] = [];
    for await (const m of glob(src, { cwd: opts.baseDir })) matches.push(resolvePath(opts.baseDir, m));
    if (matches.length === 0) throw new ConfigurationError(`no files match "${src}"`, { location: srcLoc, fix: `check the pattern against the files in ${opts.baseDir}; build the binaries before packaging` });
    for (const m of matches.sort(comparePaths)) {
      const path = join2(dst, relative(base, m).split(sep).join('/'));
      const st = await followed(m, srcLoc);
      if (st.isDirectory()) await addTree(m, path);
      else await addFile(path, m, st.size);
    }
    return;
  }
  const st = await followed(abs, srcLoc, src);
  const name = basename(abs);
  const path = dst === undefined ? name : intoDir ? join2(dst, name) : dst;
  if (st.isDirectory()) await addTree(abs, path);
  else await addFile(path, abs, st.size);
}

/** stat() through symlinks, with the user's words for what is missing. */
async function followed(abs: string, location: SourceLocation, shown?: string) {
  try {
    return await stat(abs);
  } catch {
    const what = shown ? `source "${shown}"` : `"${abs}" (a dangling symlink?)`;
    throw new ConfigurationError(`${what} does not exist (looked for ${abs})`, { location, fix: 'build or download the file before this step, or fix the path (relative paths start at the working directory)' });
  }
}
