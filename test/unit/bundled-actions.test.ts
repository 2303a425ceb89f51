import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBundledAction } from '../support/run-action.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const sha256 = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('bundled actions run the way the runner runs them (node dist/<name>/index.js)', () => {
  test('build-deb: outputs files, file and sha256 that match the packages; a summary table', () => {
    const out = mkdtempSync(join(tmpdir(), 'pa-bundled-'));
    const r = runBundledAction('build-deb', { 'working-directory': 'examples/servin', config: 'package-actions.yml', version: '1.4.0', 'output-dir': out }, { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const files = JSON.parse(r.outputs.files!) as string[];
    expect(files.map((f) => f.split(/[\\/]/).pop())).toEqual(['servin_1.4.0-1_amd64.deb', 'servin_1.4.0-1_arm64.deb']);
    expect(r.outputs.file).toBe('');
    const sums = JSON.parse(r.outputs.sha256!) as Record<string, string>;
    for (const f of files) expect(sums[f]).toBe(sha256(resolve(ROOT, f)));
    expect(r.summary).toContain('<table>');
    expect(r.summary).toContain('servin_1.4.0-1_amd64.deb');
    expect(r.stdout).toContain('::group::Load configuration');
  });

  test('build-deb: one arch gives the file output', () => {
    const out = mkdtempSync(join(tmpdir(), 'pa-bundled-'));
    const r = runBundledAction('build-deb', { 'working-directory': 'examples/servin', config: 'package-actions.yml', arch: 'arm64', 'output-dir': out });
    expect(r.status).toBe(0);
    expect(r.outputs.file).toMatch(/servin_0\.9\.2-1_arm64\.deb$/);
    expect(existsSync(resolve(ROOT, r.outputs.file!))).toBe(true);
  });

  test('build-deb: a bad config fails the step with an annotation on the line, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pa-badcfg-'));
    writeFileSync(join(dir, 'pkg.yml'), 'name: demo\nversion: 1.0.0\nsummary: demo tool\nmaintainer: A <a@example.org>\nplatforms: [{os: linux, arch: amd64}]\ncontents:\n  - src: missing/demo\n    dst: /usr/bin/demo\n');
    const r = runBundledAction('build-deb', { 'working-directory': dir, config: 'pkg.yml', 'output-dir': 'out' });
    expect(r.status).toBe(1);
    // The annotation names the file relative to the workspace (the runner's cwd), the line and the field.
    expect(r.stdout).toMatch(/::error title=package-actions%3A contents\[0\]\.src,file=.*pkg\.yml,line=7,col=5::source "missing\/demo" does not exist/);
    expect(r.stdout).toMatch(/::error::build-deb: /);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('build-deb: dry-run writes nothing and still lists the packages', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pa-dry-')), 'out');
    const r = runBundledAction('build-deb', { 'working-directory': 'examples/servin', config: 'package-actions.yml', 'output-dir': out, 'dry-run': 'true' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.outputs.files!)).toHaveLength(2);
    expect(existsSync(out)).toBe(false);
  });

  test('build-deb: a typo in a boolean input is an error, not false', () => {
    const r = runBundledAction('build-deb', { 'working-directory': 'examples/servin', config: 'package-actions.yml', 'dry-run': 'ture' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/dry-run.*must be true or false/);
  });

  test('detect-version: explicit version maps to every format', () => {
    const r = runBundledAction('detect-version', { version: 'v1.2.0-rc.1' });
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({ version: '1.2.0-rc.1', major: '1', minor: '2', patch: '0', prerelease: 'rc.1', 'is-prerelease': 'true', 'deb-version': '1.2.0~rc.1-1', 'rpm-version': '1.2.0~rc.1', 'rpm-release': '1' });
    expect(JSON.parse(r.outputs['docker-tags']!)).toEqual(['1.2.0-rc.1']);
  });
});
