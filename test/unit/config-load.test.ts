import { describe, expect, it } from '@jest/globals';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG_PATH, fieldToPointer, loadConfig, parseConfig, pointerToField } from '../../src/config/index.js';
import { ConfigurationError, ConfigurationErrors } from '../../src/core/errors.js';

const FIXTURE = 'test/fixtures/config/servin.yml';
const MINIMAL = ['name: servin', 'maintainer: Jane Doe <jane@example.org>', 'platforms: [{ os: linux, arch: amd64 }]', 'contents:', '  - src: dist/servin', '    dst: /usr/bin/servin'];

async function rejection(p: Promise<unknown>): Promise<ConfigurationError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return e as ConfigurationError;
  }
  throw new Error('expected a rejection');
}

describe('loadConfig', () => {
  it('loads the Servin fixture with its values intact', async () => {
    const loaded = await loadConfig(FIXTURE, { cwd: process.cwd() });
    expect(loaded.file).toBe(FIXTURE);
    expect(loaded.baseDir).toBe(process.cwd());
    const c = loaded.config;
    expect(c.name).toBe('servin');
    expect(c.maintainer).toBe('Servin Maintainers <maintainers@servin.example.org>');
    expect(c.platforms).toEqual([
      { os: 'linux', arch: 'amd64' },
      { os: 'linux', arch: 'arm64' },
      { os: 'linux', arch: 'arm' },
    ]);
    expect(c.contents).toHaveLength(10);
    expect(c.contents[0]).toEqual({ src: 'dist/servin_{{ .Os }}_{{ .Arch }}/servin', dst: '/usr/bin/servin', type: 'file', file_info: { mode: '0755' } });
    expect(c.contents[1]!.arch).toEqual(['amd64', 'arm64']);
    expect(c.contents[3]).toEqual({ src: 'packaging/vm/*.yaml', dst: '/etc/servin/vm/', type: 'config|noreplace' });
    expect(c.contents[4]).toEqual({ dst: '/var/lib/servin', type: 'dir', file_info: { mode: '0750', owner: 'root', group: 'root' } });
    expect(c.contents[5]).toEqual({ src: '/usr/bin/servin', dst: '/usr/sbin/servind', type: 'symlink' });
    expect(c.scripts).toEqual({ postinstall: 'packaging/scripts/postinstall.sh', preremove: 'packaging/scripts/preremove.sh', postremove: 'packaging/scripts/postremove.sh' });
    expect(c.rpm?.scripts).toEqual({ posttrans: 'packaging/scripts/posttrans.sh' });
    expect(c.homebrew).toEqual({ tap: 'servin/homebrew-tap', formula: 'servin' });
  });

  it('applies defaults without overwriting what the file says', async () => {
    const c = (await loadConfig(FIXTURE, { cwd: process.cwd() })).config;
    expect(c.release).toBe(1);
    expect(c.deb).toEqual({ compression: 'xz', section: 'admin', priority: 'optional', fields: { Bugs: 'https://github.com/servin/servin/issues' } });
    expect(c.rpm?.compression).toBe('xz'); // set in the file, beats the zstd default
    expect(c.contents.every((e) => e.type !== undefined)).toBe(true);
  });

  it('fills in defaults for a minimal config; summary comes from the first line of description', () => {
    const c = parseConfig([...MINIMAL, 'description: |', '', '  Container runtime.', '  More text.'].join('\n'), 'x.yml', '/repo').config;
    expect(c.summary).toBe('Container runtime.');
    expect(c.release).toBe(1);
    expect(c.deb).toEqual({ compression: 'xz' });
    expect(c.rpm).toEqual({ compression: 'zstd' });
    expect(c.contents[0]!.type).toBe('file');
    expect(c.epoch).toBeUndefined();
    expect(c.version).toBeUndefined();
  });

  it('defaults the type of override contents too', () => {
    const text = [...MINIMAL, 'summary: x', 'overrides:', '  rpm:', '    contents:', '      - src: a', '        dst: /a'].join('\n');
    expect(parseConfig(text, 'x.yml', '/repo').config.overrides?.rpm?.contents).toEqual([{ src: 'a', dst: '/a', type: 'file' }]);
  });

  it('locates fields by JSON pointer (key position), and falls back to the nearest ancestor', async () => {
    const loaded = await loadConfig(FIXTURE, { cwd: process.cwd() });
    expect(loaded.locate('/name')).toEqual({ line: 3, column: 1 });
    expect(loaded.locate('/platforms/2/arch')).toEqual({ line: 19, column: 5 });
    expect(loaded.locate('/platforms/1')).toEqual({ line: 17, column: 5 });
    expect(loaded.locate('/contents/1/file_info/mode')).toEqual({ line: 28, column: 18 });
    expect(loaded.locate('/contents/3/type')).toEqual({ line: 34, column: 5 });
    expect(loaded.locate('/overrides/deb/deb/compression')).toEqual({ line: 97, column: 7 });
    expect(loaded.locate('/contents/3/file_info')).toEqual({ line: 32, column: 5 });
    expect(loaded.locate('/nope')).toEqual({ line: 3, column: 1 });
  });

  it('resolves the path against cwd and shows it relative to cwd', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pa-config-'));
    await mkdir(join(dir, '.github'));
    await writeFile(join(dir, DEFAULT_CONFIG_PATH), [...MINIMAL, 'summary: x'].join('\n'));
    const rel = await loadConfig(DEFAULT_CONFIG_PATH, { cwd: dir });
    expect(rel.file).toBe('.github/package-actions.yml');
    expect(rel.baseDir).toBe(dir);
    const abs = await loadConfig(resolve(dir, DEFAULT_CONFIG_PATH), { cwd: dir });
    expect(abs.file).toBe('.github/package-actions.yml');
  });

  it('puts the file path into every error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pa-config-'));
    await writeFile(join(dir, 'bad.yml'), [...MINIMAL, 'summary: x', 'release: abc'].join('\n'));
    const e = await rejection(loadConfig('bad.yml', { cwd: dir }));
    expect(e).toBeInstanceOf(ConfigurationErrors);
    expect((e as ConfigurationErrors).errors[0]!.location).toEqual({ file: 'bad.yml', line: 8, column: 10, field: 'release' });
  });

  it('says when the file is missing or is a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pa-config-'));
    const missing = await rejection(loadConfig(DEFAULT_CONFIG_PATH, { cwd: dir }));
    expect(missing.message).toBe('config file .github/package-actions.yml does not exist');
    expect(missing.location).toEqual({ file: '.github/package-actions.yml' });
    expect(missing.fix).toMatch(/^create \.github\/package-actions\.yml with name:, maintainer:/);
    const isDir = await rejection(loadConfig('.', { cwd: dir }));
    expect(isDir.message).toMatch(/is a directory, not a file/);
  });
});

describe('parseConfig details', () => {
  it('supports anchors and merge keys', () => {
    const text = [...MINIMAL, '  - &gui', '    src: dist/gui', '    dst: /usr/bin/gui', '    file_info: { mode: "0755" }', '  - <<: *gui', '    dst: /usr/bin/gui2', 'summary: x'].join('\n');
    const c = parseConfig(text, 'x.yml', '/repo').config;
    expect(c.contents[2]).toEqual({ src: 'dist/gui', dst: '/usr/bin/gui2', file_info: { mode: '0755' }, type: 'file' });
  });

  it('keeps line numbers right with CRLF line endings and a byte order mark', () => {
    const text = '\uFEFF' + [...MINIMAL, 'summary: x', 'release: abc'].join('\r\n') + '\r\n';
    let err: ConfigurationErrors | undefined;
    try {
      parseConfig(text, 'x.yml', '/repo');
    } catch (e) {
      err = e as ConfigurationErrors;
    }
    expect(err?.errors.map((e) => e.location)).toEqual([{ file: 'x.yml', line: 8, column: 10, field: 'release' }]);
  });

  it('does not print yaml warnings', () => {
    const writes: string[] = [];
    const original = process.emitWarning;
    process.emitWarning = ((w: string | Error) => void writes.push(String(w))) as typeof process.emitWarning;
    try {
      expect(() => parseConfig([...MINIMAL, 'summary: x', 'version: {{ .Version }}'].join('\n'), 'x.yml', '/repo')).toThrow(ConfigurationErrors);
    } finally {
      process.emitWarning = original;
    }
    expect(writes).toEqual([]);
  });
});

describe('field paths', () => {
  it.each([
    ['', ''],
    ['/name', 'name'],
    ['/contents/2/file_info/mode', 'contents[2].file_info.mode'],
    ['/deb/fields/X-Bugs', 'deb.fields.X-Bugs'],
    ['/deb/fields/Bad Field', 'deb.fields["Bad Field"]'],
    ['/overrides/deb/a~1b', 'overrides.deb["a/b"]'],
  ])('%s ⇄ %s', (pointer, field) => {
    expect(pointerToField(pointer)).toBe(field);
    expect(fieldToPointer(field)).toBe(pointer);
  });
});
