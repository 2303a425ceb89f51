import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { configFor, loadConfig, renderTemplate, type LoadedConfig, type Platform } from '../../src/config/index.js';
import { resolveContents } from '../../src/contents/resolve.js';
import type { ResolvedEntry } from '../../src/contents/types.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'servin');

let loaded: LoadedConfig;

beforeAll(async () => {
  // The example is built with examples/servin as its working directory.
  loaded = await loadConfig('package-actions.yml', { cwd: EXAMPLE });
});

async function entries(format: string, platform: Platform): Promise<Map<string, ResolvedEntry>> {
  const config = configFor(loaded, format);
  const vars = { Name: config.name, Version: config.version ?? '', Release: config.release, Os: platform.os, Arch: platform.arch };
  const list = await resolveContents(config.contents, {
    baseDir: loaded.baseDir,
    workspace: ROOT,
    mtime: 1700000000,
    format,
    platform,
    render: (value, field) => renderTemplate(value, vars, field, loaded),
    file: loaded.file,
    locate: loaded.locate.bind(loaded),
  });
  return new Map(list.map((e) => [e.path, e]));
}

describe('examples/servin/package-actions.yml', () => {
  test('loads with the project loader and names the six Go release platforms', () => {
    const c = loaded.config;
    expect(c.name).toBe('servin');
    expect(c.platforms).toEqual([
      { os: 'linux', arch: 'amd64' },
      { os: 'linux', arch: 'arm64' },
      { os: 'darwin', arch: 'amd64' },
      { os: 'darwin', arch: 'arm64' },
      { os: 'windows', arch: 'amd64' },
      { os: 'windows', arch: 'arm64' },
    ]);
    expect(c.license).toBe('Apache-2.0');
    expect(c.maintainer).toBe('Servin Maintainers <maintainers@servin.example>');
  });

  test('summary and description follow Debian style (lintian would flag these)', () => {
    const { summary, description, name } = loaded.config;
    expect(summary.length).toBeLessThanOrEqual(80);
    expect(summary).not.toMatch(/^(a|an|the)\s/i);
    expect(summary.toLowerCase().startsWith(name)).toBe(false);
    const paragraphs = (description ?? '').trim().split(/\n\s*\n/);
    expect(paragraphs.length).toBeGreaterThanOrEqual(2);
    for (const line of (description ?? '').split('\n')) expect(line.length).toBeLessThanOrEqual(79);
  });

  test.each(['amd64', 'arm64'] as const)('every deb entry resolves on linux/%s, with the files the example promises', async (arch) => {
    const e = await entries('deb', { os: 'linux', arch });
    const file = (p: string) => {
      const entry = e.get(p);
      expect({ p, kind: entry?.kind }).toEqual({ p, kind: 'file' });
      return entry!;
    };
    expect(file('/usr/bin/servin').source).toBe(join(EXAMPLE, 'dist', `servin_linux_${arch}`, 'servin'));
    expect(file('/usr/bin/servin').mode).toBe(0o755);
    expect(file('/usr/bin/servin-desktop').mode).toBe(0o755);
    expect(e.get('/usr/sbin/servind')?.linkTarget).toBe('../bin/servin');
    expect(e.get('/usr/share/man/man8/servind.8.gz')?.linkTarget).toBe('../man1/servin.1.gz');
    expect(e.get('/var/lib/servin')).toMatchObject({ kind: 'dir', implicit: false, mode: 0o755 });
    for (const conf of ['/etc/servin/servin.toml', '/etc/servin/vm/builder.yaml', '/etc/servin/vm/default.yaml']) {
      expect(file(conf)).toMatchObject({ config: true, noreplace: true, mode: 0o644 });
    }
    expect([...e.keys()].filter((p) => p.startsWith('/etc/') && e.get(p)?.kind === 'file').every((p) => e.get(p)?.config)).toBe(true);
    // Names that need GNU long-name entries or UTF-8 handling in the tar writer.
    const long = [...e.keys()].find((p) => p.includes('/previews/'));
    expect(Buffer.byteLength(`.${long}`)).toBeGreaterThan(100);
    expect(Buffer.byteLength(long!.split('/').pop()!)).toBeGreaterThan(100);
    expect(e.has('/usr/share/servin/webview/locales/日本語.json')).toBe(true);
    for (const p of ['/usr/share/doc/servin/copyright', '/usr/share/doc/servin/changelog.Debian.gz', '/usr/share/man/man1/servin.1.gz', '/usr/share/man/man1/servin-desktop.1.gz', '/usr/share/lintian/overrides/servin', '/usr/lib/systemd/system/servin.service', '/usr/share/applications/servin-desktop.desktop', '/usr/share/bash-completion/completions/servin']) {
      expect(file(p).mode).toBe(0o644);
    }
  });

  test('the rpm gets neither the Debian changelog nor lintian overrides, and its own preremove and recommends', async () => {
    const e = await entries('rpm', { os: 'linux', arch: 'amd64' });
    expect(e.has('/usr/bin/servin')).toBe(true);
    expect(e.has('/usr/share/doc/servin/changelog.Debian.gz')).toBe(false);
    expect(e.has('/usr/share/lintian/overrides/servin')).toBe(false);
    const rpm = configFor(loaded, 'rpm');
    expect(rpm.scripts?.preremove).toBe('scripts/preremove-rpm.sh');
    expect(rpm.scripts?.postremove).toBe('scripts/postremove-rpm.sh');
    expect(rpm.rpm?.summary).toMatch(/^[A-Z]/);
    expect(rpm.recommends).toEqual(['shadow-utils']);
    expect(configFor(loaded, 'deb').recommends).toEqual(['uidmap']);
  });

  test('maintainer scripts are POSIX sh with set -e', () => {
    for (const name of ['postinstall.sh', 'preremove.sh', 'preremove-rpm.sh', 'postremove.sh', 'postremove-rpm.sh']) {
      const text = readFileSync(join(EXAMPLE, 'scripts', name), 'utf8');
      expect(text.startsWith('#!/bin/sh\n')).toBe(true);
      expect(text).toMatch(/^set -e$/m);
      expect(text).not.toMatch(/\r/);
    }
  });
});

/**
 * Runs a maintainer script with every command that could change the system replaced by a stub
 * that logs its arguments, so the logic (DPKG_ROOT guards, argument handling) is tested without
 * touching the machine. `getent` reports "no such group".
 */
function runScript(script: string, args: string[], env: Record<string, string>): { log: string[] } {
  const stubs = mkdtempSync(join(tmpdir(), 'servin-stubs-'));
  const log = join(stubs, 'log');
  writeFileSync(log, '');
  for (const cmd of ['groupadd', 'addgroup', 'chgrp', 'systemctl', 'deb-systemd-invoke']) {
    writeFileSync(join(stubs, cmd), `#!/bin/sh\necho "${cmd} $*" >> "${log}"\n`);
    chmodSync(join(stubs, cmd), 0o755);
  }
  writeFileSync(join(stubs, 'getent'), '#!/bin/sh\nexit 2\n');
  chmodSync(join(stubs, 'getent'), 0o755);
  try {
    execFileSync('sh', [join(EXAMPLE, 'scripts', script), ...args], { env: { PATH: `${stubs}${delimiter}${process.env.PATH}`, ...env }, stdio: 'pipe' });
    return { log: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  } finally {
    rmSync(stubs, { recursive: true, force: true });
  }
}

describe.each(process.platform === 'win32' ? [] : [0])('examples/servin maintainer scripts (stubbed system commands)', () => {
  test('postinstall creates the group on configure, not on abort-upgrade', () => {
    expect(runScript('postinstall.sh', ['configure', '0.9.1-1'], {}).log).toContain('groupadd --system servin');
    expect(runScript('postinstall.sh', ['1'], {}).log).toContain('groupadd --system servin');
    expect(runScript('postinstall.sh', ['abort-upgrade', '0.9.1-1'], {}).log).toEqual([]);
  });

  test('under DPKG_ROOT nothing runs on the host: no group, no systemd', () => {
    const root = mkdtempSync(join(tmpdir(), 'servin-root-'));
    try {
      expect(runScript('postinstall.sh', ['configure'], { DPKG_ROOT: root }).log).toEqual([]);
      expect(runScript('preremove.sh', ['remove'], { DPKG_ROOT: root }).log).toEqual([]);
      expect(runScript('postremove.sh', ['remove'], { DPKG_ROOT: root }).log).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('postremove purge deletes only $DPKG_ROOT/var/lib/servin; remove keeps it', () => {
    const root = mkdtempSync(join(tmpdir(), 'servin-root-'));
    try {
      mkdirSync(join(root, 'var', 'lib', 'servin', 'vm'), { recursive: true });
      mkdirSync(join(root, 'var', 'lib', 'other'), { recursive: true });
      runScript('postremove.sh', ['remove'], { DPKG_ROOT: root });
      expect(existsSync(join(root, 'var', 'lib', 'servin', 'vm'))).toBe(true);
      runScript('postremove.sh', ['purge'], { DPKG_ROOT: root });
      expect(existsSync(join(root, 'var', 'lib', 'servin'))).toBe(false);
      expect(existsSync(join(root, 'var', 'lib', 'other'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('preremove scripts act only on removal, not on upgrade', () => {
    expect(runScript('preremove.sh', ['upgrade', '1.0.0-1'], {}).log).toEqual([]);
    expect(runScript('preremove-rpm.sh', ['1'], {}).log).toEqual([]);
    expect(runScript('postremove-rpm.sh', ['1'], {}).log).toEqual([]);
  });

  test('the rpm postremove never deletes state (rpm has no purge)', () => {
    expect(readFileSync(join(EXAMPLE, 'scripts', 'postremove-rpm.sh'), 'utf8')).not.toMatch(/^\s*rm\b/m);
  });
});
