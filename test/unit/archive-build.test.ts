// Release archives through the build core (what build-archive and the pipeline run). Needs the
// core to call Packager.resolveEntries in its plan phase.
import '../../src/packagers/archive/index.js';
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../../src/core/errors.js';
import { planArchives, writeArchives } from '../support/archive.js';
import { build, SERVIN_DIR } from '../support/build.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'pa-archb-'));
const sha256 = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('build core with format archive', () => {
  test('six archives for the Servin example, the same bytes the packager writes on its own', async () => {
    const files = await build({ format: 'archive', outputDir: fresh() });
    expect(files.map((f) => f.name)).toEqual([
      'servin_0.9.2_linux_amd64.tar.gz',
      'servin_0.9.2_linux_arm64.tar.gz',
      'servin_0.9.2_darwin_amd64.tar.gz',
      'servin_0.9.2_darwin_arm64.tar.gz',
      'servin_0.9.2_windows_amd64.zip',
      'servin_0.9.2_windows_arm64.zip',
    ]);
    const direct = await writeArchives(await planArchives({ workdir: SERVIN_DIR, config: 'package-actions.yml' }));
    for (const f of files) {
      expect(f.sha256).toBe(sha256(resolve(SERVIN_DIR, f.path)));
      expect(f.sha256).toBe(sha256(direct.get(f.name)!));
    }
  });

  test('arch picks that architecture on every OS', async () => {
    const files = await build({ format: 'archive', outputDir: fresh(), arch: ['arm64'], version: 'v1.2.0-rc.1' });
    expect(files.map((f) => f.name)).toEqual(['servin_1.2.0-rc.1_linux_arm64.tar.gz', 'servin_1.2.0-rc.1_darwin_arm64.tar.gz', 'servin_1.2.0-rc.1_windows_arm64.zip']);
  });

  test('dry-run lists the archives and writes nothing', async () => {
    const dir = join(fresh(), 'none');
    const files = await build({ format: 'archive', outputDir: dir, dryRun: true });
    expect(files).toHaveLength(6);
    expect(existsSync(dir)).toBe(false);
  });

  test('a missing archive file fails in the plan phase, with its config line, before anything is written', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'dist', 'app_linux_amd64'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'app_linux_amd64', 'app'), '#!/bin/sh\n');
    writeFileSync(
      join(dir, 'pkg.yml'),
      [
        'name: app',
        'version: 1.0.0',
        'summary: demo',
        'maintainer: A <a@example.org>',
        'platforms: [{ os: linux, arch: amd64 }, { os: windows, arch: amd64 }]',
        'contents: [{ src: "dist/app_{{ .Os }}_{{ .Arch }}/app", dst: /usr/bin/app }]',
        'archives:',
        '  files:',
        '    - src: "dist/app_{{ .Os }}_{{ .Arch }}/app{{ .Exe }}"',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const err = await build({ format: 'archive', workdir: dir, configPath: 'pkg.yml', outputDir: out }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as ConfigurationError).message).toMatch(/source "dist\/app_windows_amd64\/app\.exe" does not exist/);
    expect((err as ConfigurationError).location).toMatchObject({ line: 9, field: 'archives.files[0].src' });
    expect(existsSync(out)).toBe(false);
  });

  test('contents are not resolved when archives.files is given (they may not exist for windows)', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'bin'), { recursive: true });
    writeFileSync(join(dir, 'bin', 'app.exe'), 'MZ');
    writeFileSync(join(dir, 'pkg.yml'), ['name: app', 'version: 1.0.0', 'summary: demo', 'maintainer: A <a@example.org>', 'platforms: [{ os: windows, arch: amd64 }]', 'contents: [{ src: bin/app, dst: /usr/bin/app }]', 'archives:', '  files: [{ src: bin/app.exe }]', ''].join('\n'));
    const out = join(dir, 'out');
    const files = await build({ format: 'archive', workdir: dir, configPath: 'pkg.yml', outputDir: out });
    expect(files.map((f) => f.name)).toEqual(['app_1.0.0_windows_amd64.zip']);
    expect(readdirSync(out)).toEqual(['app_1.0.0_windows_amd64.zip']);
  });
});
