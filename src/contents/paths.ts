import { posix } from 'node:path';
import { ConfigurationError, type SourceLocation } from '../core/errors.js';

/**
 * Normalises an install path (`dst`) to an absolute POSIX path. Windows separators, drive
 * letters and `..` escapes are user mistakes: they would install somewhere unexpected.
 */
export function normaliseDst(dst: string, location: SourceLocation): string {
  if (dst.includes('\\')) {
    throw new ConfigurationError(`install path "${dst}" uses Windows separators`, {
      location,
      fix: `write it with forward slashes: "${dst.replace(/\\/g, '/').replace(/^[A-Za-z]:/, '')}"`,
    });
  }
  if (/^[A-Za-z]:/.test(dst)) {
    throw new ConfigurationError(`install path "${dst}" has a drive letter`, { location, fix: 'install paths are absolute POSIX paths such as /usr/bin/tool' });
  }
  if (!dst.startsWith('/')) {
    throw new ConfigurationError(`install path "${dst}" is not absolute`, { location, fix: `start it with a slash: "/${dst}"` });
  }
  if (dst.split('/').includes('..')) {
    throw new ConfigurationError(`install path "${dst}" contains ".."`, { location, fix: 'write the final absolute path without ".." segments' });
  }
  const normal = posix.normalize(dst).replace(/\/+$/, '');
  if (normal === '' || normal === '/') throw new ConfigurationError(`install path "${dst}" is the root directory`, { location, fix: 'name a file or directory below /' });
  return normal;
}

/** Every parent directory of an absolute path, outermost first: /usr/bin/x → [/usr, /usr/bin]. */
export function parentDirs(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push('/' + parts.slice(0, i).join('/'));
  return out;
}

/** Bytewise ordering of paths, identical on every OS and locale. */
export function comparePaths(a: string, b: string): number {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return Buffer.compare(ba, bb);
}
