import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderTemplate } from '../../src/config/template.js';
import type { ArchiveFileSpec, Platform } from '../../src/config/types.js';
import type { ResolveOptions } from '../../src/contents/resolve.js';
import type { ResolvedEntry } from '../../src/contents/types.js';
import { ConfigurationError, ConfigurationErrors } from '../../src/core/errors.js';
import { defaultArchiveEntries, resolveArchiveFiles } from '../../src/packagers/archive/files.js';

const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
let base: string;

const opts = (platform: Platform = { os: 'linux', arch: 'amd64' }, more: Partial<ResolveOptions> = {}): ResolveOptions => ({
  baseDir: base,
  workspace: base,
  mtime: 1700000000,
  format: 'archive',
  platform,
  render: (v, field) => renderTemplate(v, { Name: 'app', Version: '1.0.0', Release: 1, Os: platform.os, Arch: platform.arch }, field),
  file: 'pkg.yml',
  locate: (p) => (p === '/archives/files/1/src' ? { line: 12, column: 7 } : undefined),
  ...more,
});

const list = async (specs: ArchiveFileSpec[], o?: ResolveOptions) => (await resolveArchiveFiles(specs, o ?? opts())).map((e) => `${e.kind}:${e.path}:${e.mode.toString(8)}`);

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'pa-archfiles-'));
  for (const p of ['linux_amd64', 'windows_amd64']) mkdirSync(join(base, 'dist', `app_${p}`), { recursive: true });
  writeFileSync(join(base, 'dist', 'app_linux_amd64', 'app'), ELF);
  writeFileSync(join(base, 'dist', 'app_windows_amd64', 'app.exe'), Buffer.from([0x4d, 0x5a, 0x90, 0x00]));
  mkdirSync(join(base, 'docs', 'guide'), { recursive: true });
  writeFileSync(join(base, 'docs', 'README.md'), '# app\n');
  writeFileSync(join(base, 'docs', 'guide', 'start.md'), 'start\n');
  writeFileSync(join(base, 'LICENSE'), 'MIT\n');
  writeFileSync(join(base, 'run.sh'), '#!/bin/sh\n');
  mkdirSync(join(base, 'linked'));
  writeFileSync(join(base, 'linked', 'real.txt'), 'real\n');
  try {
    symlinkSync('real.txt', join(base, 'linked', 'alias.txt'));
  } catch {
    // Windows without symlink rights: the dereferencing test below checks for the link first.
  }
});

describe('archives.files', () => {
  test('{{ .Exe }} and the default dst (the source name); modes from file_info, else sniffed from the content', async () => {
    const specs: ArchiveFileSpec[] = [{ src: 'dist/app_{{ .Os }}_{{ .Arch }}/app{{ .Exe }}' }, { src: 'LICENSE' }, { src: 'run.sh' }, { src: 'docs/README.md', file_info: { mode: '0600' } }];
    expect(await list(specs)).toEqual(['file:/LICENSE:644', 'file:/README.md:600', 'file:/app:755', 'file:/run.sh:755']);
    const win = await resolveArchiveFiles(specs, opts({ os: 'windows', arch: 'amd64' }));
    expect(win.find((e) => e.path === '/app.exe')).toMatchObject({ kind: 'file', mode: 0o755, source: join(base, 'dist', 'app_windows_amd64', 'app.exe'), size: 4 });
  });

  test('dst renames, a trailing / puts the file into a directory, parents are added and everything is sorted', async () => {
    expect(await list([{ src: 'LICENSE', dst: 'doc/LICENSE.txt' }, { src: 'docs/README.md', dst: 'doc/' }, { src: 'run.sh', dst: 'bin/start' }])).toEqual([
      'dir:/bin:755',
      'file:/bin/start:755',
      'dir:/doc:755',
      'file:/doc/LICENSE.txt:644',
      'file:/doc/README.md:644',
    ]);
  });

  test('a directory keeps its name (or takes dst) and brings its tree; a glob keeps paths below its base', async () => {
    expect(await list([{ src: 'docs' }])).toEqual(['dir:/docs:755', 'file:/docs/README.md:644', 'dir:/docs/guide:755', 'file:/docs/guide/start.md:644']);
    expect(await list([{ src: 'docs', dst: 'manual' }])).toEqual(['dir:/manual:755', 'file:/manual/README.md:644', 'dir:/manual/guide:755', 'file:/manual/guide/start.md:644']);
    expect(await list([{ src: 'docs/**/*.md' }])).toEqual(['file:/README.md:644', 'dir:/guide:755', 'file:/guide/start.md:644']);
    expect(await list([{ src: 'docs/*.md', dst: 'share' }])).toEqual(['dir:/share:755', 'file:/share/README.md:644']);
  });

  test('symlinks in a directory are followed: the archive holds the target bytes', async () => {
    const entries = await resolveArchiveFiles([{ src: 'linked' }], opts());
    const alias = entries.find((e) => e.path === '/linked/alias.txt');
    if (!alias) return; // no symlink could be made (Windows without developer mode)
    expect(alias).toMatchObject({ kind: 'file', size: 5 });
  });

  test('missing sources, absolute or escaping dst, Windows separators, duplicates: all reported with their field', async () => {
    let err: unknown;
    try {
      await resolveArchiveFiles(
        [{ src: 'LICENSE', dst: '/LICENSE' }, { src: 'missing/app' }, { src: 'LICENSE', dst: '../LICENSE' }, { src: 'docs\\README.md' }, { src: 'nothing/*.md' }, { src: 'run.sh', dst: 'x' }, { src: 'LICENSE', dst: 'x' }, { src: 'LICENSE', dst: 'C:/x' }],
        opts(),
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationErrors);
    const errors = (err as ConfigurationErrors).errors;
    expect(errors.map((e) => e.location?.field)).toEqual([
      'archives.files[0].dst',
      'archives.files[1].src',
      'archives.files[2].dst',
      'archives.files[3].src',
      'archives.files[4].src',
      'archives.files[6].dst',
      'archives.files[7].dst',
    ]);
    expect(errors[0]!.message).toMatch(/is absolute/);
    expect(errors[1]!.message).toMatch(/source "missing\/app" does not exist/);
    expect(errors[1]!.location).toMatchObject({ file: 'pkg.yml', line: 12, column: 7 });
    expect(errors[2]!.message).toMatch(/contains "\.\."/);
    expect(errors[3]!.message).toMatch(/Windows separators/);
    expect(errors[4]!.message).toMatch(/no files match/);
    expect(errors[5]!.message).toMatch(/"x" is put into the archive twice \(by archives\.files\[5\] and archives\.files\[6\]\)/);
    for (const e of errors) expect(e.fix).toBeTruthy();
  });

  test('a source outside the workspace needs allow-external-src', async () => {
    const inner = opts(undefined, { workspace: join(base, 'docs') });
    await expect(resolveArchiveFiles([{ src: 'LICENSE' }], inner)).rejects.toThrow(/outside the workspace/);
    expect(await list([{ src: 'LICENSE' }], { ...inner, allowExternal: true })).toEqual(['file:/LICENSE:644']);
  });

  test('a file where another entry needs a directory is an error', async () => {
    await expect(resolveArchiveFiles([{ src: 'LICENSE', dst: 'doc' }, { src: 'run.sh', dst: 'doc/run.sh' }], opts())).rejects.toThrow(ConfigurationError);
  });
});

describe('default archive files (no archives.files): the programs of the contents', () => {
  const e = (path: string, kind: ResolvedEntry['kind'], source?: string): ResolvedEntry => ({
    path,
    kind,
    source,
    size: 3,
    mode: 0o755,
    owner: 'root',
    group: 'root',
    mtime: 1700000000,
    linkTarget: kind === 'symlink' ? '../bin/app' : undefined,
    config: false,
    noreplace: false,
    doc: false,
    implicit: false,
    origin: `contents[${path.length}]`,
  });
  const contents = [
    e('/usr', 'dir'),
    e('/usr/bin', 'dir'),
    e('/usr/bin/app', 'file', '/w/dist/app_windows_amd64/app.exe'),
    e('/usr/local/sbin/appd', 'file', '/w/dist/appd'),
    e('/usr/sbin/app-link', 'symlink'),
    e('/usr/share/doc/app/README', 'file', '/w/README'),
    e('/opt/app/bin/helper', 'file', '/w/helper'),
    e('/usr/bin/completions', 'dir'),
  ];

  test('files in any bin or sbin directory, at the root under their installed name; symlinks, dirs and docs left out', () => {
    const linux = defaultArchiveEntries(contents, { platform: { os: 'linux', arch: 'amd64' }, file: 'pkg.yml', mtime: 1 });
    expect(linux.map((x) => `${x.path}<${x.source}`)).toEqual(['/app</w/dist/app_windows_amd64/app.exe', '/appd</w/dist/appd', '/helper</w/helper']);
  });

  test('on windows a program whose source is an .exe keeps the extension', () => {
    const win = defaultArchiveEntries(contents, { platform: { os: 'windows', arch: 'amd64' }, file: 'pkg.yml', mtime: 1 });
    expect(win.map((x) => x.path)).toEqual(['/app.exe', '/appd', '/helper']);
  });

  test('two programs with one name, or no program at all, are configuration errors', () => {
    const twice = [...contents, e('/usr/sbin/app', 'file', '/w/other')];
    expect(() => defaultArchiveEntries(twice, { platform: { os: 'linux', arch: 'amd64' }, file: 'pkg.yml', mtime: 1 })).toThrow(/would both be "app" at the root of the linux\/amd64 archive/);
    const none = contents.filter((c) => !c.path.includes('bin/'));
    let err: ConfigurationError | undefined;
    try {
      defaultArchiveEntries(none, { platform: { os: 'darwin', arch: 'arm64' }, file: 'pkg.yml', mtime: 1 });
    } catch (x) {
      err = x as ConfigurationError;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err!.location).toEqual({ file: 'pkg.yml', field: 'archives.files' });
    expect(err!.fix).toMatch(/archives\.files/);
  });
});
