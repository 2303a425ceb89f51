import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseChecksums } from '../../src/release/checksums.js';
import { GpgHome } from '../support/gpg.js';
import { requireTool } from '../support/tools.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('the main job (npm start): the pipeline on the Servin example', () => {
  test('writes packages, archives, signatures, install scripts, SHA256SUMS, a formula and WinGet manifests that check out', () => {
    const out = mkdtempSync(join(tmpdir(), 'pa-pipeline-'));
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'pipeline', '--working-directory', 'examples/servin', '--config', 'package-actions.yml', '--output-dir', out, '--repository', 'servin/servin', '--json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/package-actions pipeline: \d+ files/);
    const files = walk(out).map((f) => relative(out, f)).sort();
    expect(files).toEqual(expect.arrayContaining([
      'deb/servin_0.9.2-1_amd64.deb', 'deb/servin_0.9.2-1_amd64.deb.asc', 'rpm/servin-0.9.2-1.aarch64.rpm',
      'archive/servin_0.9.2_linux_amd64.tar.gz', 'archive/servin_0.9.2_windows_arm64.zip', 'KEY.asc', 'install.sh', 'install.ps1',
      'SHA256SUMS', 'SHA256SUMS.asc', 'homebrew/Formula/servin.rb', 'winget/manifests/s/Servin/Servin/0.9.2/Servin.Servin.installer.yaml',
    ]));
    // SHA256SUMS lists every release file (by its asset name) with its real digest.
    const sums = parseChecksums(readFileSync(join(out, 'SHA256SUMS'), 'utf8'));
    const released = files.filter((f) => !f.startsWith('homebrew/') && !f.startsWith('winget/') && !f.startsWith('SHA256SUMS'));
    expect([...sums.keys()].sort()).toEqual(released.map((f) => f.split('/').pop()).sort());
    for (const f of released) expect(sums.get(f.split('/').pop()!)).toBe(createHash('sha256').update(readFileSync(join(out, f))).digest('hex'));
    if (requireTool('gpgv')) {
      const gpg = new GpgHome();
      const ring = gpg.keyring(readFileSync(join(out, 'KEY.asc'), 'utf8'));
      const v = spawnSync('gpgv', ['--keyring', ring, join(out, 'SHA256SUMS.asc'), join(out, 'SHA256SUMS')], { encoding: 'utf8' });
      expect(v.status).toBe(0);
      gpg.dispose();
    }
    if (requireTool('ruby')) expect(spawnSync('ruby', ['-c', join(out, 'homebrew/Formula/servin.rb')], { encoding: 'utf8' }).stdout).toContain('Syntax OK');
    // The formula points every platform at its archive with the archive's digest.
    const formula = readFileSync(join(out, 'homebrew/Formula/servin.rb'), 'utf8');
    expect(formula).toContain('https://github.com/servin/servin/releases/download/v0.9.2/servin_0.9.2_darwin_arm64.tar.gz');
    expect(formula).toContain(sums.get('servin_0.9.2_darwin_arm64.tar.gz'));
    expect(readFileSync(join(out, 'winget/manifests/s/Servin/Servin/0.9.2/Servin.Servin.installer.yaml'), 'utf8')).toContain(sums.get('servin_0.9.2_windows_amd64.zip')!.toUpperCase());
  });
});
