/** One entry of a package's file tree, after globbing, templating and defaults. Format-neutral. */
export interface ResolvedEntry {
  /** Absolute POSIX install path without a trailing slash, e.g. `/usr/bin/servin`. */
  path: string;
  kind: 'file' | 'dir' | 'symlink';
  /** Absolute path of the source file on disk (files only). */
  source?: string;
  /** Bytes of the body for files, length of the target for symlinks, 0 for directories. */
  size: number;
  /** Permission bits only (e.g. 0o755). */
  mode: number;
  owner: string;
  group: string;
  /** Seconds since the epoch. */
  mtime: number;
  linkTarget?: string;
  /** A configuration file (deb conffiles, rpm %config). */
  config: boolean;
  /** rpm %config(noreplace). */
  noreplace: boolean;
  /** Documentation (rpm %doc). */
  doc: boolean;
  /** Added because a listed entry lives below it, not listed by the user. */
  implicit: boolean;
  /** Where the entry came from, for messages: `contents[3]`. */
  origin?: string;
}
