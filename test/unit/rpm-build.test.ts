import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildRpmAction } from '../../src/actions/build-rpm/definition.js';
import { BUILD_INPUTS } from '../../src/build/build-action.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { readRpmHeaders } from '../../src/packagers/rpm/reader.js';
import { TAG } from '../../src/packagers/rpm/tags.js';
import { build, SERVIN_DIR } from '../support/build.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'pa-rpmb-'));

describe('build-rpm on the Servin example', () => {
  test('the action is the shared build core for format rpm', () => {
    expect(buildRpmAction.name).toBe('build-rpm');
    for (const key of Object.keys(BUILD_INPUTS)) expect(buildRpmAction.inputs).toHaveProperty(key);
  });

  test('one package per linux platform, named name-version-release.arch.rpm', async () => {
    const files = await build({ format: 'rpm', outputDir: fresh() });
    expect(files.map((f) => f.name)).toEqual(['servin-0.9.2-1.x86_64.rpm', 'servin-0.9.2-1.aarch64.rpm']);
    const arm = await readRpmHeaders(resolve(SERVIN_DIR, files[1]!.path));
    expect(arm.header.string(TAG.ARCH)).toBe('aarch64');
    expect(arm.header.strings(TAG.PROVIDENAME)).toContain('servin(aarch-64)');
    expect(arm.lead.archnum).toBe(19);
  });

  test('overrides.rpm and the rpm block apply: recommends, scripts, compression, group', async () => {
    const [f] = await build({ format: 'rpm', outputDir: fresh(), arch: ['amd64'] });
    const { header } = await readRpmHeaders(resolve(SERVIN_DIR, f!.path));
    expect(header.strings(TAG.RECOMMENDNAME)).toEqual(['shadow-utils']);
    expect(header.string(TAG.PREUN)).toMatch(/%preun for the \.rpm/);
    expect(header.string(TAG.PAYLOADCOMPRESSOR)).toBe('zstd');
    expect(header.string(TAG.GROUP)).toBe('Applications/System');
    // The deb-only lintian override is not in the rpm.
    expect(header.strings(TAG.DIRNAMES)).not.toContain('/usr/share/lintian/overrides/');
  });

  test('byte-identical builds, whatever the thread count; a different epoch changes the bytes', async () => {
    const a = await build({ format: 'rpm', outputDir: fresh(), arch: ['amd64'], threads: 1 });
    const b = await build({ format: 'rpm', outputDir: fresh(), arch: ['amd64'], threads: 3 });
    const c = await build({ format: 'rpm', outputDir: fresh(), arch: ['amd64'] }, { SOURCE_DATE_EPOCH: '1700000001' });
    expect(a[0]!.sha256).toBe(b[0]!.sha256);
    expect(a[0]!.sha256).not.toBe(c[0]!.sha256);
  });

  test('prerelease versions use ~, arch accepts rpm names and refuses missing platforms', async () => {
    const files = await build({ format: 'rpm', outputDir: fresh(), arch: ['aarch64'], version: 'v1.0.0-rc.1' });
    expect(files.map((f) => f.name)).toEqual(['servin-1.0.0~rc.1-1.aarch64.rpm']);
    await expect(build({ format: 'rpm', outputDir: fresh(), arch: ['i686'] })).rejects.toThrow(ConfigurationError);
  });

  test('dry-run writes nothing; a real run leaves no partial or payload side files', async () => {
    const none = join(fresh(), 'none');
    expect(await build({ format: 'rpm', outputDir: none, dryRun: true })).toHaveLength(2);
    expect(existsSync(none)).toBe(false);
    const dir = fresh();
    await build({ format: 'rpm', outputDir: dir });
    expect(readdirSync(dir).sort()).toEqual(['servin-0.9.2-1.aarch64.rpm', 'servin-0.9.2-1.x86_64.rpm']);
  });
});
