import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig, type PackageConfig } from '../../src/config/index.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { formulaPath, renderFormula } from '../../src/homebrew/index.js';
import { servinAssets } from '../fixtures/homebrew/assets.js';
import { assetsFor, BASE, cfg, configError, render } from '../fixtures/homebrew/formula-helpers.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const GOLDEN = join(ROOT, 'test', 'fixtures', 'homebrew', 'servin.rb');

let servin: PackageConfig;

beforeAll(async () => {
  servin = (await loadConfig('package-actions.yml', { cwd: join(ROOT, 'examples', 'servin') })).config;
});

/** Compares with a committed file; UPDATE_GOLDEN=1 rewrites it (then review the diff). */
function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path)).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('renderFormula on the Servin example', () => {
  it('matches the golden formula', () => {
    expectGolden(GOLDEN, renderFormula({ config: servin, version: '0.9.2', assets: servinAssets('0.9.2') }));
  });

  it('lives at Formula/servin.rb', () => {
    expect(formulaPath(servin)).toBe('Formula/servin.rb');
  });
});

describe('platform blocks', () => {
  it('writes each platform\'s own url and sha256, whatever order the assets come in', () => {
    const config = cfg();
    const assets = assetsFor(config);
    const formula = render(config, '1.0.0', [...assets].reverse());
    expect(formula).toBe(render(config, '1.0.0', assets));
    for (const a of assets) {
      const block = new RegExp(`on_${a.os === 'darwin' ? 'macos' : 'linux'} do[\\s\\S]*?on_${a.arch === 'arm64' ? 'arm' : 'intel'} do\\n {6}url "${a.url}"\\n {6}sha256 "${a.sha256}"\\n {4}end`);
      expect(formula).toMatch(block);
    }
  });

  it('lowercases digests (ChecksumCase) and refuses malformed ones as bugs, not user mistakes', () => {
    const config = cfg();
    const assets = assetsFor(config).map((a, i) => (i === 0 ? { ...a, sha256: a.sha256.toUpperCase() } : a));
    expect(render(config, '1.0.0', assets)).toContain(`sha256 "${assets[0]!.sha256.toLowerCase()}"`);
    const bad = assetsFor(config).map((a, i) => (i === 1 ? { ...a, sha256: 'abc' } : a));
    expect(() => render(config, '1.0.0', bad)).toThrow(/darwin\/amd64 has sha256 "abc", not 64 hex digits/);
    expect(() => render(config, '1.0.0', bad)).not.toThrow(ConfigurationError);
    const ftp = assetsFor(config).map((a, i) => (i === 0 ? { ...a, url: 'ftp://x/y' } : a));
    expect(() => render(config, '1.0.0', ftp)).toThrow(/not an http\(s\) URL/);
  });

  it('names every config platform the release has no archive for', () => {
    const config = cfg();
    const e = configError(() => render(config, '1.0.0', assetsFor(config).filter((a) => a.os === 'darwin')));
    expect(e.message).toBe('platforms lists linux/arm64, linux/amd64, but the release has no archive for them; a formula without a url for a platform fails to install there');
    expect(e.location).toEqual({ file: 'pa.yml', field: 'platforms' });
    expect(e.fix).toMatch(/build-archive/);
  });

  it('refuses assets for platforms the config does not list, and duplicates', () => {
    const config = cfg({ platforms: [{ os: 'darwin', arch: 'arm64' }] });
    const extra = servinAssets('1.0.0');
    expect(() => render(config, '1.0.0', extra)).toThrow(/darwin\/amd64, which is not a Homebrew platform of the config \(darwin\/arm64\)/);
    const one = assetsFor(config);
    expect(() => render(config, '1.0.0', [...one, ...one])).toThrow(/two formula assets for darwin\/arm64/);
  });

  it('leaves out platforms Homebrew does not install (windows, 32-bit arm, 386)', () => {
    const config = cfg({ platforms: [...BASE.platforms, { os: 'windows', arch: 'amd64' }, { os: 'linux', arch: 'arm' }, { os: 'linux', arch: '386' }] });
    expect(render(config)).toBe(render(cfg()));
  });

  it('requires macOS, Linux or one architecture when the release covers only those', () => {
    const mac = render(cfg({ platforms: [{ os: 'darwin', arch: 'arm64' }, { os: 'darwin', arch: 'amd64' }] }));
    expect(mac).toContain('\n  depends_on :macos\n\n  on_macos do\n');
    expect(mac).not.toContain('on_linux');
    const arm = render(cfg({ platforms: [{ os: 'darwin', arch: 'arm64' }, { os: 'linux', arch: 'arm64' }] }));
    expect(arm).toContain('\n  depends_on arch: :arm64\n\n  on_macos do\n    on_arm do\n');
    expect(arm).not.toContain('on_intel');
    const linuxIntel = render(cfg({ platforms: [{ os: 'linux', arch: 'amd64' }] }));
    expect(linuxIntel).toContain('\n  depends_on arch: :x86_64\n  depends_on :linux\n\n  on_linux do\n    on_intel do\n');
  });

  it('is a ConfigurationError when no platform is one Homebrew installs', () => {
    const e = configError(() => render(cfg({ platforms: [{ os: 'windows', arch: 'amd64' }] }), '1.0.0', []));
    expect(e.message).toMatch(/^platforms has no darwin or linux platform on amd64 or arm64/);
  });
});

describe('formula header', () => {
  it('writes desc, homepage, version and license in Homebrew\'s order', () => {
    const formula = render(cfg({ license: 'MIT OR Apache-2.0' }));
    expect(formula.split('\n').slice(0, 7)).toEqual([
      '# Generated by package-actions (update-homebrew-tap); the next release overwrites changes made here.',
      'class Tool < Formula',
      '  desc "Frobnicator for widgets"',
      '  homepage "https://example.org/tool"',
      '  version "1.0.0"',
      '  license any_of: ["MIT", "Apache-2.0"]',
      '',
    ]);
  });

  it('leaves license out when the config has none', () => {
    expect(render(cfg({ license: undefined }))).not.toContain('license');
  });

  it.each([
    ['v1.2.3', 'use "1.2.3": pass the version without the tag\'s v'],
    ['1.2 beta', undefined],
    ['', undefined],
  ])('refuses version %j', (version, fix) => {
    const e = configError(() => render(cfg(), version));
    expect(e.message).toMatch(/is not a Homebrew formula version \(no leading v, no spaces\)$/);
    if (fix) expect(e.fix).toBe(fix);
  });

  it('keeps prerelease versions as they are', () => {
    expect(render(cfg(), '1.0.0-rc.1')).toContain('  version "1.0.0-rc.1"\n');
  });

  it('needs a homepage', () => {
    expect(configError(() => render(cfg({ homepage: undefined }))).message).toBe('homepage is required by Homebrew formulae');
  });

  it('turns an unreadable license into a ConfigurationError on license', () => {
    const e = configError(() => render(cfg({ license: 'MIT/Apache-2.0' })));
    expect(e.location?.field).toBe('license');
    expect(e.message).toMatch(/is not an SPDX expression Homebrew can write/);
  });

  it('escapes quotes and interpolation in desc and homepage', () => {
    const formula = render(cfg({ summary: 'runs "#{rm -rf}" for \\ you', homepage: 'https://example.org/?q="#{x}"' }));
    expect(formula).toContain('  desc "Runs \\"\\#{rm -rf}\\" for \\\\ you"\n');
    expect(formula).toContain('  homepage "https://example.org/?q=\\"\\#{x}\\""\n');
  });
});

describe('desc', () => {
  it('comes from homebrew.desc when it passes Homebrew\'s rules', () => {
    expect(render(cfg({ homebrew: { desc: 'Widget frobnicator' } }))).toContain('  desc "Widget frobnicator"\n');
  });

  it('refuses a homebrew.desc that breaks them, with the fixed text', () => {
    const e = configError(() => render(cfg({ homebrew: { desc: 'A widget frobnicator.' } })));
    expect(e.message).toBe('homebrew.desc starts with an article');
    expect(e.fix).toBe('write desc: "Widget frobnicator"');
    expect(e.location).toEqual({ file: 'pa.yml', field: 'homebrew.desc' });
  });

  it('says why a summary cannot be fixed up', () => {
    const e = configError(() => render(cfg({ summary: 'Tool frobnicates widgets' })));
    expect(e.message).toBe('summary cannot be the Homebrew desc: starts with the formula name "tool" (after fixing it up to "Tool frobnicates widgets")');
    expect(e.fix).toMatch(/^set homebrew\.desc/);
    const long = configError(() => render(cfg({ summary: 'x'.repeat(81) })));
    expect(long.message).toMatch(/is 81 characters long; Homebrew allows at most 80/);
  });
});
