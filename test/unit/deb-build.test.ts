import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../../src/core/errors.js';
import { build, SERVIN_DIR } from '../support/build.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'pa-debb-'));

describe('build-deb core on the Servin example', () => {
  test('one package per linux platform, named name_version_arch.deb', async () => {
    const files = await build({ format: 'deb', outputDir: fresh() });
    expect(files.map((f) => f.name)).toEqual(['servin_0.9.2-1_amd64.deb', 'servin_0.9.2-1_arm64.deb']);
    for (const f of files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('two builds are byte-identical, and so are single- and multi-threaded builds', async () => {
    const a = await build({ format: 'deb', outputDir: fresh(), arch: ['amd64'], threads: 1 });
    const b = await build({ format: 'deb', outputDir: fresh(), arch: ['amd64'], threads: 1 });
    const c = await build({ format: 'deb', outputDir: fresh(), arch: ['amd64'], threads: 3 });
    const bytes = (p: string) => readFileSync(resolve(SERVIN_DIR, p));
    expect(bytes(a[0]!.path).equals(bytes(b[0]!.path))).toBe(true);
    expect(a[0]!.sha256).toBe(c[0]!.sha256);
  });

  test('the version input overrides the config and prereleases sort before the release', async () => {
    const files = await build({ format: 'deb', outputDir: fresh(), arch: ['arm64'], version: 'v1.0.0-rc.1' });
    expect(files[0]!.name).toBe('servin_1.0.0~rc.1-1_arm64.deb');
  });

  test('arch accepts Debian names and refuses platforms the config lacks', async () => {
    expect((await build({ format: 'deb', outputDir: fresh(), arch: ['arm64'] }))[0]!.name).toMatch(/_arm64\.deb$/);
    await expect(build({ format: 'deb', outputDir: fresh(), arch: ['i386'] })).rejects.toThrow(ConfigurationError);
  });

  test('dry-run resolves everything but writes nothing', async () => {
    const dir = join(fresh(), 'none');
    const files = await build({ format: 'deb', outputDir: dir, dryRun: true });
    expect(files).toHaveLength(2);
    expect(existsSync(dir)).toBe(false);
  });

  test('no partial files are left next to the packages', async () => {
    const dir = fresh();
    await build({ format: 'deb', outputDir: dir });
    expect(readdirSync(dir).sort()).toEqual(['servin_0.9.2-1_amd64.deb', 'servin_0.9.2-1_arm64.deb']);
  });

  test('timestamps follow SOURCE_DATE_EPOCH: a different epoch gives different bytes', async () => {
    const a = await build({ format: 'deb', outputDir: fresh(), arch: ['amd64'] }, { SOURCE_DATE_EPOCH: '1700000000' });
    const b = await build({ format: 'deb', outputDir: fresh(), arch: ['amd64'] }, { SOURCE_DATE_EPOCH: '1700000001' });
    expect(a[0]!.sha256).not.toBe(b[0]!.sha256);
  });
});
