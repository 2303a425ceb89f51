import { cpioMode } from '../../archive/cpio.js';
import type { ResolvedEntry } from '../../contents/types.js';
import { ConfigurationError } from '../../core/errors.js';
import type { HeaderBuilder } from './header.js';
import { DIGEST_SHA256, FILE_FLAG, TAG } from './tags.js';

/**
 * Which entries the package owns. Contents resolution adds every parent directory (deb wants
 * them in data.tar); in rpm, listing a directory means owning it, and owning /usr/bin or
 * /etc makes rpm think the package created them and rpmlint complain. So an added
 * (`implicit`) directory is owned only when it is the package's own: one of its path
 * components is the package name (/usr/share/servin, /etc/servin/vm, /opt/servin). rpm
 * creates any other missing parent directory itself when installing.
 */
export function ownedEntries(entries: ResolvedEntry[], name: string): ResolvedEntry[] {
  return entries.filter((e) => !(e.kind === 'dir' && e.implicit) || e.path.split('/').includes(name));
}

/**
 * rpmbuild's %__docdir_path: files below these are documentation whether or not the spec says
 * %doc (so `rpm --excludedocs` skips man pages; rpmlint errors on man pages without the flag).
 */
const DOC_DIRS = ['/usr/share/doc/', '/usr/share/man/', '/usr/share/info/', '/usr/share/gtk-doc/html/', '/usr/share/javadoc/', '/usr/doc/', '/usr/man/', '/usr/info/'];

/** FILEFLAGS of an entry: %config, %config(noreplace), %doc. */
export function fileFlags(e: ResolvedEntry): number {
  let flags = 0;
  if (e.config && e.kind === 'file') flags |= FILE_FLAG.CONFIG | (e.noreplace ? FILE_FLAG.NOREPLACE : 0);
  if (e.doc || (e.kind !== 'dir' && DOC_DIRS.some((d) => e.path.startsWith(d)))) flags |= FILE_FLAG.DOC;
  return flags;
}

/** DIRNAMES (with trailing slash, in order of first use), BASENAMES and DIRINDEXES. */
export function splitPaths(paths: string[]): { dirnames: string[]; basenames: string[]; dirindexes: number[] } {
  const dirnames: string[] = [];
  const seen = new Map<string, number>();
  const basenames: string[] = [];
  const dirindexes: number[] = [];
  for (const p of paths) {
    const cut = p.lastIndexOf('/');
    const dir = p.slice(0, cut + 1);
    let i = seen.get(dir);
    if (i === undefined) {
      i = dirnames.length;
      seen.set(dir, i);
      dirnames.push(dir);
    }
    basenames.push(p.slice(cut + 1));
    dirindexes.push(i);
  }
  return { dirnames, basenames, dirindexes };
}

const MAX_FILE = 0xffffffff;

/** Refuses what the newc payload cannot carry, before anything is written. */
export function checkFiles(files: ResolvedEntry[], file: string): void {
  for (const e of files) {
    if (e.kind === 'file' && e.size > MAX_FILE) {
      throw new ConfigurationError(`"${e.path}" is ${e.size} bytes; rpm payloads (cpio newc) hold files up to 4 GiB`, { location: { file, field: e.origin }, fix: 'split the file or ship it outside the package' });
    }
  }
}

/**
 * The file list: parallel arrays, one element per owned path, paths sorted bytewise (rpm
 * binary-searches them). `digests` maps paths to hex SHA-256 of regular files.
 */
export function addFileTags(h: HeaderBuilder, files: ResolvedEntry[], digests: Map<string, string>): void {
  if (files.length === 0) return; // rpm rejects empty arrays: a package without files has no file tags
  const sizes = files.map((e) => (e.kind === 'dir' ? 0 : e.size));
  h.int32(TAG.FILESIZES, sizes);
  h.int16(TAG.FILEMODES, files.map((e) => cpioMode(e.kind, e.mode)));
  h.int16(TAG.FILERDEVS, files.map(() => 0));
  h.int32(TAG.FILEMTIMES, files.map((e) => e.mtime));
  h.strings(
    TAG.FILEDIGESTS,
    files.map((e) => {
      if (e.kind !== 'file') return '';
      const d = digests.get(e.path);
      if (!d) throw new Error(`no digest for ${e.path}`);
      return d;
    }),
  );
  h.strings(TAG.FILELINKTOS, files.map((e) => (e.kind === 'symlink' ? (e.linkTarget ?? '') : '')));
  h.int32(TAG.FILEFLAGS, files.map(fileFlags));
  h.strings(TAG.FILEUSERNAME, files.map((e) => e.owner));
  h.strings(TAG.FILEGROUPNAME, files.map((e) => e.group));
  h.int32(TAG.FILEVERIFYFLAGS, files.map(() => -1));
  h.int32(TAG.FILEDEVICES, files.map(() => 1));
  // Distinct inodes: no hard links. The same numbers are the cpio entries' c_ino.
  h.int32(TAG.FILEINODES, files.map((_, i) => i + 1));
  h.strings(TAG.FILELANGS, files.map(() => ''));
  const { dirnames, basenames, dirindexes } = splitPaths(files.map((e) => e.path));
  h.int32(TAG.DIRINDEXES, dirindexes);
  h.strings(TAG.BASENAMES, basenames);
  h.strings(TAG.DIRNAMES, dirnames);
  h.int32(TAG.FILEDIGESTALGO, [DIGEST_SHA256]);
}

/** Installed size: the sum of file and symlink sizes (what rpmbuild puts in SIZE). */
export function installedSize(files: ResolvedEntry[]): number {
  return files.reduce((n, e) => n + (e.kind === 'dir' ? 0 : e.size), 0);
}
