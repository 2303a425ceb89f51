import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseConfig } from '../../src/config/index.js';
import { ConfigurationError, ConfigurationErrors } from '../../src/core/errors.js';
import { archivePackager } from '../../src/packagers/archive/index.js';
import { EPOCH, planArchives, readTarGz, readZip, writeArchives } from '../support/archive.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SERVIN = join(ROOT, 'examples', 'servin');
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]);
const sha256 = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** A throwaway project: files plus a package-actions.yml made of the base and `extra` lines. */
function project(extra: string[], files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pa-archproj-'));
  const all: Record<string, string | Buffer> = {
    'dist/app_linux_amd64/app': ELF,
    'dist/app_windows_amd64/app.exe': Buffer.from([0x4d, 0x5a, 0x90, 0]),
    'README.md': '# app\n',
    ...files,
  };
  for (const [p, body] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), body);
  }
  const config = [
    'name: app',
    'version: 1.0.0',
    'summary: demo tool',
    'maintainer: A <a@example.org>',
    'platforms: [{ os: linux, arch: amd64 }, { os: windows, arch: amd64 }]',
    'contents:',
    '  - { src: "dist/app_{{ .Os }}_{{ .Arch }}/app{{ .Exe }}", dst: /usr/bin/app }',
    ...extra,
  ];
  writeFileSync(join(dir, 'pkg.yml'), config.join('\n') + '\n');
  return dir;
}

const plan = (workdir: string, config = 'pkg.yml') => planArchives({ workdir, config });
const names = (m: { name: string }[]) => m.map((x) => x.name);

describe('archive packager on the Servin example', () => {
  test('six archives: .tar.gz for linux and darwin, .zip for windows, named {name}_{version}_{os}_{arch}', async () => {
    const infos = await planArchives({ workdir: SERVIN, config: 'package-actions.yml' });
    expect(infos.map((i) => archivePackager.fileName(i))).toEqual([
      'servin_0.9.2_linux_amd64.tar.gz',
      'servin_0.9.2_linux_arm64.tar.gz',
      'servin_0.9.2_darwin_amd64.tar.gz',
      'servin_0.9.2_darwin_arm64.tar.gz',
      'servin_0.9.2_windows_amd64.zip',
      'servin_0.9.2_windows_arm64.zip',
    ]);
    expect(archivePackager.archName({ os: 'windows', arch: 'arm64' })).toBe('arm64');
  });

  test('tar.gz: files at the root without ./, root:root, SOURCE_DATE_EPOCH, the committed bytes; gzip header without a timestamp', async () => {
    const infos = await planArchives({ workdir: SERVIN, config: 'package-actions.yml' });
    const out = await writeArchives(infos, { only: (p) => p.os === 'linux' && p.arch === 'amd64' });
    const { gzipHeader, members } = readTarGz(readFileSync(out.get('servin_0.9.2_linux_amd64.tar.gz')!));
    expect([...gzipHeader]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3]);
    expect(names(members)).toEqual(['README.md', 'servin', 'servin-desktop']);
    for (const m of members) expect({ uid: m.uid, gid: m.gid, uname: m.uname, gname: m.gname, mtime: m.mtime, type: m.type }).toEqual({ uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: EPOCH, type: '0' });
    expect(members.map((m) => m.mode)).toEqual([0o644, 0o755, 0o755]);
    expect(members[1]!.data.equals(readFileSync(join(SERVIN, 'dist/servin_linux_amd64/servin')))).toBe(true);
    expect(members[0]!.data.equals(readFileSync(join(SERVIN, 'docs/README.md')))).toBe(true);
  });

  test('zip: servin.exe and servin-desktop.exe at the root, Unix modes kept, the committed bytes', async () => {
    const infos = await planArchives({ workdir: SERVIN, config: 'package-actions.yml' });
    const out = await writeArchives(infos, { only: (p) => p.os === 'windows' && p.arch === 'arm64' });
    const { members } = readZip(readFileSync(out.get('servin_0.9.2_windows_arm64.zip')!));
    expect(names(members)).toEqual(['README.md', 'servin-desktop.exe', 'servin.exe']);
    expect(members.map((m) => m.externalAttrs >>> 16)).toEqual([0o100644, 0o100755, 0o100755]);
    expect(members[2]!.data.equals(readFileSync(join(SERVIN, 'dist/servin_windows_arm64/servin.exe')))).toBe(true);
  });

  test('two builds are byte-identical, and so are single- and multi-threaded ones', async () => {
    const infos = await planArchives({ workdir: SERVIN, config: 'package-actions.yml' });
    const a = await writeArchives(infos, { threads: 1 });
    const b = await writeArchives(await planArchives({ workdir: SERVIN, config: 'package-actions.yml' }), { threads: 3 });
    expect(a.size).toBe(6);
    for (const [name, path] of a) expect(sha256(b.get(name)!)).toBe(sha256(path));
  });
});

describe('archive packager: config', () => {
  test('bytes do not depend on disk modes (a Windows checkout has no executable bit), and match the golden digests', async () => {
    const digests = async (mode: number) => {
      const dir = project(['archives:', '  files: [{ src: "dist/app_{{ .Os }}_{{ .Arch }}/app{{ .Exe }}" }, { src: README.md }]']);
      chmodSync(join(dir, 'dist/app_linux_amd64/app'), mode);
      const out = await writeArchives(await plan(dir));
      return [...out].map(([name, p]) => `${name} ${sha256(p)}`);
    };
    const a = await digests(0o644);
    expect(await digests(0o755)).toEqual(a);
    // The same on Linux, macOS and Windows runners: a change here changes every user's release.
    expect(a).toEqual([
      'app_1.0.0_linux_amd64.tar.gz 2b2cba4351712cb69ba6d7fcc5a14a7d99315bae6fe08ba6f6963aeea6350d0a',
      'app_1.0.0_windows_amd64.zip 57f3849fad12f61bb0e7ac66fc83d76d29c4d2f938f84bf836d3bdd3c1ca4a1d',
    ]);
  });

  test('without archives.files: the programs of the contents, .exe kept on windows', async () => {
    const out = await writeArchives(await plan(project([])));
    expect(names(readTarGz(readFileSync(out.get('app_1.0.0_linux_amd64.tar.gz')!)).members)).toEqual(['app']);
    const zip = readZip(readFileSync(out.get('app_1.0.0_windows_amd64.zip')!));
    expect(names(zip.members)).toEqual(['app.exe']);
    expect(zip.members[0]!.externalAttrs >>> 16).toBe(0o100755); // an MZ header counts as executable
  });

  test('wrap_in_directory puts everything under a directory named like the archive', async () => {
    const out = await writeArchives(await plan(project(['archives:', '  wrap_in_directory: true', '  files: [{ src: "dist/app_{{ .Os }}_{{ .Arch }}/app{{ .Exe }}" }, { src: README.md, dst: doc/ }]'])));
    const tar = readTarGz(readFileSync(out.get('app_1.0.0_linux_amd64.tar.gz')!)).members;
    expect(names(tar)).toEqual(['app_1.0.0_linux_amd64/', 'app_1.0.0_linux_amd64/app', 'app_1.0.0_linux_amd64/doc/', 'app_1.0.0_linux_amd64/doc/README.md']);
    expect(tar[0]).toMatchObject({ type: '5', mode: 0o755 });
    const zip = readZip(readFileSync(out.get('app_1.0.0_windows_amd64.zip')!)).members;
    expect(names(zip)).toEqual(['app_1.0.0_windows_amd64/', 'app_1.0.0_windows_amd64/app.exe', 'app_1.0.0_windows_amd64/doc/', 'app_1.0.0_windows_amd64/doc/README.md']);
  });

  test('format and format_overrides (merged over windows: zip), and a templated name', async () => {
    const fileNames = async (extra: string[]) => (await plan(project(['archives:', ...extra]))).map((i) => archivePackager.fileName(i));
    expect(await fileNames(['  format: zip'])).toEqual(['app_1.0.0_linux_amd64.zip', 'app_1.0.0_windows_amd64.zip']);
    expect(await fileNames(['  format_overrides: { windows: tar.gz }'])).toEqual(['app_1.0.0_linux_amd64.tar.gz', 'app_1.0.0_windows_amd64.tar.gz']);
    expect(await fileNames(['  format_overrides: { linux: zip }'])).toEqual(['app_1.0.0_linux_amd64.zip', 'app_1.0.0_windows_amd64.zip']);
    expect(await fileNames(['  name: "{{ .Name }}-v{{ .Version }}-{{ .Os }}-{{ .Arch }}"'])).toEqual(['app-v1.0.0-linux-amd64.tar.gz', 'app-v1.0.0-windows-amd64.zip']);
    const bad = await plan(project(['archives:', '  name: "{{ .Name }}/{{ .Os }}"']));
    expect(() => archivePackager.fileName(bad[0]!)).toThrow(ConfigurationError);
    expect(() => archivePackager.fileName(bad[0]!)).toThrow(/archives\.name renders to "app\/linux"/);
  });

  test('the tar.gz written with ZIP64 forced is unaffected, the zip readable with its ZIP64 records', async () => {
    const infos = await plan(project([]));
    const out = await writeArchives(infos, { forceZip64: true });
    const zip = readZip(readFileSync(out.get('app_1.0.0_windows_amd64.zip')!));
    expect(zip.zip64End).toBeDefined();
    expect(zip.members[0]!.data.equals(Buffer.from([0x4d, 0x5a, 0x90, 0]))).toBe(true);
  });

  test('write() refuses entries that resolveEntries did not plan (install-layout contents by mistake)', async () => {
    const [info] = await plan(project([]));
    await expect(archivePackager.write({ ...info!, entries: [...info!.entries] }, join(tmpdir(), 'never.tar.gz'), {})).rejects.toThrow(/resolveEntries/);
  });
});

describe('archives block in the config loader', () => {
  const base = ['name: app', 'summary: demo', 'maintainer: A <a@example.org>', 'platforms: [{ os: linux, arch: amd64 }]', 'contents: [{ src: "app{{ .Exe }}", dst: /usr/bin/app }]'];
  const errors = (...lines: string[]): ConfigurationError[] => {
    try {
      parseConfig([...base, ...lines].join('\n') + '\n', 'pkg.yml', '/repo');
    } catch (e) {
      return e instanceof ConfigurationErrors ? e.errors : [e as ConfigurationError];
    }
    return [];
  };

  test('a full block and {{ .Exe }} load; defaults are filled in', () => {
    expect(errors('archives:', '  name: "{{ .Name }}_{{ .Os }}"', '  format: zip', '  format_overrides: { darwin: tar.gz }', '  wrap_in_directory: true', '  files:', '    - { src: "bin/app{{ .Exe }}", dst: "app{{ .Exe }}", file_info: { mode: "0755" } }')).toEqual([]);
    const loaded = parseConfig(base.join('\n') + '\n', 'pkg.yml', '/repo');
    expect(loaded.config.archives).toEqual({ name: '{{ .Name }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}', format: 'tar.gz', format_overrides: { windows: 'zip' }, wrap_in_directory: false });
  });

  test('bad values and keys point at their line', () => {
    const [format] = errors('archives:', '  format: tgz');
    expect(format!.location).toMatchObject({ line: 7, field: 'archives.format' });
    expect(format!.message).toMatch(/tar\.gz/);
    const [key] = errors('archives:', '  files:', '    - { src: app, dts: app }');
    expect(key!.location).toMatchObject({ line: 8 });
    expect(key!.message).toMatch(/dts/);
    expect(key!.message).toMatch(/dst/);
    const [variable] = errors('archives:', '  files:', '    - { src: "app{{ .Ext }}" }');
    expect(variable!.message).toMatch(/unknown template variable \{\{ \.Ext \}\}/);
    expect(variable!.fix).toMatch(/\{\{ \.Exe \}\}/);
  });
});
