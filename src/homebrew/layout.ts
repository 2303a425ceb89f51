/**
 * What the formula's `def install` does with the unpacked release archive, worked out from the
 * config alone (the formula is rendered without downloading the archives). The archive holds
 * either `archives.files` or, by default, the contents' programs at its root (see
 * src/packagers/archive/files.ts); this module follows the same rules without touching disk.
 *
 * Rules:
 * - programs: files installed into a bin or sbin directory by `contents` (the same rule as
 *   contentPrograms in src/contents/programs.ts, used by the install scripts too), or `archives.files`
 *   entries with an executable mode → `bin.install "path"`;
 * - completions: *.bash, *.zsh and *.fish files → bash/zsh/fish_completion.install under the
 *   command's name (zsh wants `_name`);
 * - man pages: *.1 … *.9, optionally gzipped → man1.install … man9.install;
 * - anything else stays out (Homebrew copies README/LICENSE-like files into the keg itself).
 * Only files at the same path in every darwin/linux archive are used; globs cannot be expanded
 * without the files, so what they match needs homebrew.install lines.
 */
import { posix } from 'node:path';
import { renderTemplate } from '../config/template.js';
import type { PackageConfig, Platform } from '../config/types.js';
import { contentPrograms } from '../contents/programs.js';
import { rubyString } from './ruby.js';

export interface ArchiveFile {
  /** Path relative to the directory Homebrew runs `install` in. */
  path: string;
  program: boolean;
}

const GLOB_CHARS = /[*?[\]{}]/;

/** Files of one platform's archive that the config names exactly. */
function platformFiles(config: PackageConfig, platform: Platform, version: string): ArchiveFile[] {
  const vars = { Name: config.name, Version: version, Release: config.release, Os: platform.os, Arch: platform.arch };
  const render = (s: string, field: string) => renderTemplate(s, vars, field);
  const programs = new Set(contentPrograms(config, platform, render));
  const specs = config.archives?.files;
  if (!specs) return [...programs].map((path) => ({ path, program: true }));
  const out: ArchiveFile[] = [];
  specs.forEach((spec, i) => {
    const src = render(spec.src, `archives.files[${i}].src`);
    if (GLOB_CHARS.test(src)) return;
    const dst = spec.dst === undefined ? undefined : render(spec.dst, `archives.files[${i}].dst`);
    // The same placement as the archive writer: no dst keeps the name, a dst ending in / is a directory.
    const intoDir = dst === undefined || dst.endsWith('/') || posix.normalize(dst) === '.';
    const path = posix.normalize(intoDir ? posix.join(dst ?? '', posix.basename(src)) : (dst as string)).replace(/\/+$/, '');
    const mode = spec.file_info?.mode === undefined ? 0 : parseInt(spec.file_info.mode, 8);
    out.push({ path, program: (mode & 0o111) !== 0 || programs.has(posix.basename(path)) });
  });
  return out;
}

/**
 * Files every darwin/linux archive has at the same path. When the archive is not wrapped but
 * everything sits in one top-level directory, Homebrew changes into it before `install` (its
 * download strategy's chdir), so that directory is dropped from the paths; a wrapped archive
 * is the same case.
 */
export function formulaArchiveFiles(config: PackageConfig, platforms: Platform[], version: string): ArchiveFile[] {
  const perPlatform = platforms.map((p) => platformFiles(config, p, version));
  const [first = [], ...rest] = perPlatform;
  let files = first.filter((f) => rest.every((other) => other.some((o) => o.path === f.path && o.program === f.program)));
  const complete = !config.archives?.files?.some((s) => GLOB_CHARS.test(s.src));
  const tops = new Set(files.map((f) => f.path.split('/')[0]));
  if (complete && files.length > 0 && tops.size === 1 && files.every((f) => f.path.includes('/'))) {
    const top = [...tops][0] as string;
    files = files.map((f) => ({ ...f, path: f.path.slice(top.length + 1) }));
  }
  return files;
}

const COMPLETIONS: [RegExp, (stem: string, path: string) => string][] = [
  [/\.bash$/, (stem, path) => `bash_completion.install ${rubyString(path)} => ${rubyString(stem)}`],
  [/\.zsh$/, (stem, path) => `zsh_completion.install ${rubyString(path)} => ${rubyString(`_${stem}`)}`],
  [/\.fish$/, (stem, path) => `fish_completion.install ${rubyString(path)} => ${rubyString(`${stem}.fish`)}`],
];

/** The generated lines of `def install` (programs first, then completions, then man pages). */
export function installLines(files: ArchiveFile[]): string[] {
  const bin: string[] = [];
  const completions: string[] = [];
  const man: string[] = [];
  for (const f of files) {
    const base = posix.basename(f.path);
    if (f.program) {
      bin.push(`bin.install ${rubyString(f.path)}`);
      continue;
    }
    const completion = COMPLETIONS.find(([re]) => re.test(base));
    if (completion) {
      completions.push(completion[1](base.replace(completion[0], ''), f.path));
      continue;
    }
    const section = /^[^.].*\.([1-9])(\.gz)?$/.exec(base);
    if (section && !/\.so\.\d/.test(base)) man.push(`man${section[1]}.install ${rubyString(f.path)}`);
  }
  return [...bin, ...completions, ...man];
}

/** Names of the programs the formula puts into bin. */
export function programNames(files: ArchiveFile[]): string[] {
  return files.filter((f) => f.program).map((f) => posix.basename(f.path));
}
