import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentSpec } from '../../src/config/types.js';
import { ConfigurationError, ConfigurationErrors } from '../../src/core/errors.js';
import { resolveContents, type ResolveOptions } from '../../src/contents/resolve.js';

let base: string;
let opts: ResolveOptions;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'pa-contents-'));
  mkdirSync(join(base, 'dist', 'servin_linux_amd64'), { recursive: true });
  mkdirSync(join(base, 'dist', 'servin_linux_arm64'), { recursive: true });
  mkdirSync(join(base, 'webview', 'css'), { recursive: true });
  mkdirSync(join(base, 'vm'), { recursive: true });
  writeFileSync(join(base, 'dist', 'servin_linux_amd64', 'servin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]));
  writeFileSync(join(base, 'dist', 'servin_linux_arm64', 'servin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
  writeFileSync(join(base, 'webview', 'index.html'), '<html></html>\n');
  writeFileSync(join(base, 'webview', 'css', 'app.css'), 'body{}\n');
  writeFileSync(join(base, 'vm', 'linux.yaml'), 'cpus: 2\n');
  writeFileSync(join(base, 'vm', 'macos.yaml'), 'cpus: 4\n');
  writeFileSync(join(base, 'install.sh'), '#!/bin/sh\necho hi\n');
  opts = {
    baseDir: base,
    workspace: base,
    mtime: 1700000000,
    format: 'deb',
    platform: { os: 'linux', arch: 'amd64' },
    render: (v) => v.replace('{{ .Os }}', 'linux').replace('{{ .Arch }}', 'amd64'),
    file: 'package-actions.yml',
    locate: (p) => (p.startsWith('/contents/1') ? { line: 7, column: 5 } : undefined),
  };
});

const paths = async (specs: ContentSpec[], o: Partial<ResolveOptions> = {}) => (await resolveContents(specs, { ...opts, ...o })).map((e) => `${e.kind}:${e.path}:${e.mode.toString(8)}`);

describe('contents resolution', () => {
  test('templated file, directory tree, glob into a directory, symlink and dir, with parents, sorted', async () => {
    const got = await paths([
      { src: 'dist/servin_{{ .Os }}_{{ .Arch }}/servin', dst: '/usr/bin/servin' },
      { src: 'webview', dst: '/usr/share/servin/webview' },
      { src: 'vm/*.yaml', dst: '/etc/servin/vm/', type: 'config|noreplace' },
      { src: '../bin/servin', dst: '/usr/sbin/servind', type: 'symlink' },
      { dst: '/var/lib/servin', type: 'dir', file_info: { mode: '0750' } },
    ]);
    expect(got).toEqual([
      'dir:/etc:755',
      'dir:/etc/servin:755',
      'dir:/etc/servin/vm:755',
      'file:/etc/servin/vm/linux.yaml:644',
      'file:/etc/servin/vm/macos.yaml:644',
      'dir:/usr:755',
      'dir:/usr/bin:755',
      'file:/usr/bin/servin:755',
      'dir:/usr/sbin:755',
      'symlink:/usr/sbin/servind:777',
      'dir:/usr/share:755',
      'dir:/usr/share/servin:755',
      'dir:/usr/share/servin/webview:755',
      'dir:/usr/share/servin/webview/css:755',
      'file:/usr/share/servin/webview/css/app.css:644',
      'file:/usr/share/servin/webview/index.html:644',
      'dir:/var:755',
      'dir:/var/lib:755',
      'dir:/var/lib/servin:750',
    ]);
  });

  test('config flags, explicit modes and owners are carried; scripts sniff as executable', async () => {
    const entries = await resolveContents(
      [
        { src: 'vm/linux.yaml', dst: '/etc/servin/vm/linux.yaml', type: 'config|noreplace', file_info: { owner: 'servin', group: 'servin' } },
        { src: 'install.sh', dst: '/usr/libexec/servin/install.sh' },
        { src: 'webview/index.html', dst: '/usr/share/doc/servin/', type: 'doc', file_info: { mode: '0600' } },
      ],
      opts,
    );
    const by = Object.fromEntries(entries.map((e) => [e.path, e]));
    expect(by['/etc/servin/vm/linux.yaml']).toMatchObject({ config: true, noreplace: true, owner: 'servin', group: 'servin', size: 8, mtime: 1700000000 });
    expect(by['/usr/libexec/servin/install.sh']?.mode).toBe(0o755);
    expect(by['/usr/share/doc/servin/index.html']).toMatchObject({ doc: true, mode: 0o600 });
  });

  test('packager and arch filters', async () => {
    expect(await paths([{ src: 'install.sh', dst: '/a', packager: 'rpm' }, { src: 'install.sh', dst: '/b', arch: ['arm64'] }])).toEqual([]);
  });

  test.each([
    ['Windows separators', { src: 'install.sh', dst: '\\usr\\bin\\x' }, /Windows separators/],
    ['a drive letter', { src: 'install.sh', dst: 'C:/x' }, /drive letter/],
    ['a relative dst', { src: 'install.sh', dst: 'usr/bin/x' }, /not absolute/],
    ['a .. escape', { src: 'install.sh', dst: '/usr/../etc/x' }, /contains "\.\."/],
    ['a missing file', { src: 'nope/servin', dst: '/usr/bin/x' }, /does not exist/],
    ['a glob matching nothing', { src: 'nope/*.yaml', dst: '/etc/x/' }, /no files match/],
    ['a src outside the workspace', { src: '../../../etc/hostname', dst: '/x' }, /outside the workspace/],
    ['a bad mode', { src: 'install.sh', dst: '/x', file_info: { mode: '999' } }, /not an octal permission/],
    ['a symlink without target', { dst: '/x', type: 'symlink' as const }, /needs its target/],
  ])('%s is a ConfigurationError naming the field', async (_what, spec, message) => {
    const err = await resolveContents([{ src: 'install.sh', dst: '/ok' }, spec as ContentSpec], opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as ConfigurationError).message).toMatch(message);
    expect((err as ConfigurationError).location).toMatchObject({ file: 'package-actions.yml', line: 7, field: expect.stringMatching(/^contents\[1\]/) });
  });

  test('duplicate destinations name both entries, and all problems come together', async () => {
    const err = await resolveContents(
      [
        { src: 'install.sh', dst: '/usr/bin/x' },
        { src: 'webview/index.html', dst: '/usr/bin/x' },
        { src: 'missing', dst: '/y' },
      ],
      opts,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationErrors);
    const msgs = (err as ConfigurationErrors).errors.map((e) => e.message);
    expect(msgs[0]).toMatch(/installed twice \(by contents\[0\] and contents\[1\]\)/);
    expect(msgs[1]).toMatch(/does not exist/);
  });

  test('a file where a directory is needed is refused', async () => {
    await expect(resolveContents([{ src: 'install.sh', dst: '/usr/x' }, { src: 'install.sh', dst: '/usr/x/y' }], opts)).rejects.toThrow(/needs "\/usr\/x" to be a directory/);
  });

  test('allow-external lets an absolute src outside the workspace through', async () => {
    const other = mkdtempSync(join(tmpdir(), 'pa-ext-'));
    writeFileSync(join(other, 'f'), 'x');
    await expect(paths([{ src: join(other, 'f'), dst: '/x' }])).rejects.toThrow(/outside the workspace/);
    expect(await paths([{ src: join(other, 'f'), dst: '/x' }], { allowExternal: true })).toEqual(['file:/x:644']);
  });
});
