import type { Problem } from './problems.js';
import { joinPointer } from './pointer.js';
import { parseTemplate } from './template.js';
import { OWNED_BLOCKS } from './types.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the schema cannot express (or expresses badly): cross-field rules, Debian's name
 * rules, install paths, templates. Runs on unvalidated data, so every access is guarded:
 * all problems are reported in one pass, even next to type errors.
 */
export function semanticProblems(data: Obj): Problem[] {
  const out: Problem[] = [];
  if (!('summary' in data) && !('description' in data)) {
    out.push({ pointer: '', at: 'key', message: 'needs `summary` (one line) or `description`', fix: 'add summary: "What the package does, in one line"' });
  }
  checkDebName(data, out);
  checkPlatforms(data.platforms, out);
  checkContents(data.contents, '/contents', out);
  checkDeb(data.deb, '/deb', out);
  checkRpm(data.rpm, '/rpm', out);
  if (isObj(data.overrides)) {
    for (const [format, o] of Object.entries(data.overrides)) {
      if (!isObj(o)) continue;
      const base = joinPointer('/overrides', format);
      checkContents(o.contents, joinPointer(base, 'contents'), out);
      checkDeb(o.deb, joinPointer(base, 'deb'), out);
      checkRpm(o.rpm, joinPointer(base, 'rpm'), out);
    }
  }
  checkTemplates(data, '', out);
  return out;
}

const DEB_NAME = /^[a-z0-9][a-z0-9+.-]+$/;

/** The name the .deb gets (overrides.deb.name, else name) must satisfy Debian policy 5.6.1. */
function checkDebName(data: Obj, out: Problem[]): void {
  const debOverride = isObj(data.overrides) && isObj(data.overrides.deb) ? data.overrides.deb : undefined;
  const fromOverride = typeof debOverride?.name === 'string';
  const name = fromOverride ? debOverride?.name : data.name;
  if (typeof name !== 'string' || name === '' || name.includes('{{') || DEB_NAME.test(name)) return;
  const fixed = name.toLowerCase().replace(/[^a-z0-9+.-]+/g, '-').replace(/^[^a-z0-9]+/, '');
  const suggestion = DEB_NAME.test(fixed) ? `use ${fixed}` : 'use lowercase letters, digits, +, - and .';
  out.push({
    pointer: fromOverride ? '/overrides/deb/name' : '/name',
    at: 'value',
    message: `"${name}" is not a valid Debian package name: it needs 2+ characters of lowercase letters, digits, +, - and ., starting with a letter or digit`,
    fix: fromOverride ? suggestion : `${suggestion}, or keep this name for other formats and set overrides.deb.name`,
  });
}

function checkPlatforms(platforms: unknown, out: Problem[]): void {
  if (!Array.isArray(platforms)) return;
  const seen = new Map<string, number>();
  platforms.forEach((p: unknown, i) => {
    if (!isObj(p) || typeof p.os !== 'string' || typeof p.arch !== 'string') return;
    const id = `${p.os}/${p.arch}`;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else out.push({ pointer: joinPointer('/platforms', i), at: 'key', message: `repeats ${id} (already platforms[${first}])`, fix: 'remove the duplicate entry' });
  });
}

function checkContents(contents: unknown, base: string, out: Problem[]): void {
  if (!Array.isArray(contents)) return;
  contents.forEach((c: unknown, i) => {
    if (!isObj(c)) return;
    const at = joinPointer(base, i);
    const type = c.type ?? 'file';
    if (type === 'symlink' && c.src === undefined) {
      out.push({ pointer: at, at: 'key', message: 'is a symlink without `src` (the link target)', fix: 'add src: the path the link points to, e.g. src: /usr/lib/app/bin/app' });
    } else if (type === 'dir' && c.src !== undefined) {
      out.push({
        pointer: joinPointer(at, 'src'),
        at: 'key',
        message: 'is set on a `dir` entry, which creates an empty directory and takes no src',
        fix: 'remove src; to install the files of a directory, drop `type: dir` and keep src',
      });
    } else if (['file', 'config', 'config|noreplace', 'doc'].includes(String(type)) && c.src === undefined) {
      out.push({ pointer: at, at: 'key', message: `has no \`src\` (the file to install)`, fix: 'add src: path/to/file (relative to the repository root), or type: dir for an empty directory' });
    }
    checkDst(c.dst, joinPointer(at, 'dst'), out);
  });
}

/** Install paths are POSIX and absolute on every OS, whatever the runner writes. */
function checkDst(dst: unknown, pointer: string, out: Problem[]): void {
  if (typeof dst !== 'string' || dst === '') return;
  const bad = (message: string, fix: string): void => void out.push({ pointer, at: 'value', message, fix });
  if (/^[A-Za-z]:/.test(dst)) return bad(`is a Windows path ("${dst}"); install paths are POSIX paths inside the package`, 'write an absolute POSIX path such as /usr/bin/app');
  if (dst.includes('\\')) return bad(`contains backslashes ("${dst}"); install paths use /`, `write dst: ${dst.replace(/\\/g, '/')}`);
  if (!dst.startsWith('/')) return bad(`must be an absolute path starting with /, got "${dst}"`, `write dst: /${dst.replace(/^\.\//, '')}`);
  if (dst.split('/').includes('..')) return bad(`must not contain .. segments, got "${dst}"`, 'write the resolved path without ..');
}

/** Control fields we write ourselves; setting them through deb.fields would emit them twice. */
const DEB_OWN_FIELDS: Record<string, string> = {
  package: 'name',
  version: 'version',
  architecture: 'platforms',
  maintainer: 'maintainer',
  description: 'summary and description',
  depends: 'depends',
  recommends: 'recommends',
  suggests: 'suggests',
  conflicts: 'conflicts',
  replaces: 'replaces',
  provides: 'provides',
  section: 'deb.section',
  priority: 'deb.priority',
  homepage: 'homepage',
  'installed-size': '(computed)',
};

function checkDeb(deb: unknown, base: string, out: Problem[]): void {
  if (!isObj(deb) || !isObj(deb.fields)) return;
  for (const field of Object.keys(deb.fields)) {
    const own = DEB_OWN_FIELDS[field.toLowerCase()];
    if (!own) continue;
    out.push({
      pointer: joinPointer(base, 'fields', field),
      at: 'key',
      message: `sets ${field}, which package-actions writes itself`,
      fix: own === '(computed)' ? `remove ${field}: it is computed from the contents` : `remove it and use the config's \`${own}\` instead`,
    });
  }
}

function checkRpm(rpm: unknown, base: string, out: Problem[]): void {
  if (!isObj(rpm) || !Array.isArray(rpm.prefixes)) return;
  rpm.prefixes.forEach((p: unknown, i) => {
    if (typeof p === 'string' && p !== '' && !p.startsWith('/')) {
      out.push({ pointer: joinPointer(base, 'prefixes', i), at: 'value', message: `must be an absolute path, got "${p}"`, fix: `write /${p}` });
    }
  });
}

/** Every string outside the blocks other actions own may use templates; check them now, not at build time. */
function checkTemplates(value: unknown, pointer: string, out: Problem[]): void {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return;
    for (const p of parseTemplate(value).problems) out.push({ pointer, at: 'value', message: p.message, fix: p.fix });
  } else if (Array.isArray(value)) {
    value.forEach((v: unknown, i) => checkTemplates(v, joinPointer(pointer, i), out));
  } else if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (pointer === '' && (OWNED_BLOCKS as readonly string[]).includes(k)) continue;
      checkTemplates(v, joinPointer(pointer, k), out);
    }
  }
}
