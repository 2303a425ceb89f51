import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig, type PackageConfig } from '../../src/config/index.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { formulaPath, homebrewPlatforms, homebrewSettings, renderFormula, tapName, tapRepository, type FormulaAsset } from '../../src/homebrew/index.js';
import { HOMEBREW_PLATFORMS, servinAssets } from '../fixtures/homebrew/assets.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const GOLDEN = join(ROOT, 'test', 'fixtures', 'homebrew', 'servin.rb');

let servin: PackageConfig;

beforeAll(async () => {
  servin = (await loadConfig('package-actions.yml', { cwd: join(ROOT, 'examples', 'servin') })).config;
});

/** Compares with a committed file; UPDATE_GOLDEN=1 rewrites it (then review the diff). */
function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
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

const BASE: PackageConfig = {
  name: 'tool',
  release: 1,
  summary: 'frobnicator for widgets',
  maintainer: 'Jane Doe <jane@example.org>',
  homepage: 'https://example.org/tool',
  license: 'MIT',
  platforms: HOMEBREW_PLATFORMS.map((p) => ({ ...p })),
  contents: [{ src: 'dist/tool_{{ .Os }}_{{ .Arch }}/tool', dst: '/usr/bin/tool', type: 'file' }],
};

const cfg = (over: Partial<PackageConfig> = {}): PackageConfig => ({ ...BASE, ...over });
const assetsFor = (config: PackageConfig): FormulaAsset[] =>
  servinAssets('1.0.0', homebrewPlatforms(config)).map((a) => ({ ...a, url: a.url.replace(/servin/g, config.name) }));
const render = (config: PackageConfig, version = '1.0.0', assets = assetsFor(config)) => renderFormula({ config, version, assets, file: 'pa.yml' });

function configError(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return e as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
}

/** The lines of `def install`. */
const installOf = (formula: string) => /\n {2}def install\n([\s\S]*?)\n {2}end\n/.exec(formula)![1]!.split('\n').map((l) => l.trim());

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

describe('def install', () => {
  it('installs the programs the default archive holds: bin/sbin files of contents, not deb-only or some-arch entries', () => {
    const config = cfg({
      contents: [
        { src: 'dist/tool', dst: '/usr/bin/tool' },
        { src: 'dist/toold', dst: '/usr/sbin/{{ .Name }}d' },
        { src: 'dist/helper', dst: '/usr/bin/helper', packager: 'deb' },
        { src: 'dist/arm-only', dst: '/usr/bin/arm-only', arch: ['arm64'] },
        { src: '/usr/bin/tool', dst: '/usr/bin/tool-link', type: 'symlink' },
        { src: 'man/tool.1', dst: '/usr/share/man/man1/tool.1' },
      ],
    });
    expect(installOf(render(config))).toEqual(['bin.install "tool"', 'bin.install "toold"']);
  });

  it('reads archives.files: executable modes and contents programs go to bin, completions and man pages to their places', () => {
    const config = cfg({
      contents: [{ src: 'dist/tool', dst: '/usr/bin/tool' }],
      archives: {
        files: [
          { src: 'dist/{{ .Os }}_{{ .Arch }}/tool' },
          { src: 'dist/{{ .Os }}_{{ .Arch }}/tool-helper', dst: 'libexec/', file_info: { mode: '0755' } },
          { src: 'completions/tool.bash', dst: 'completions/' },
          { src: 'completions/tool.zsh', dst: 'completions/' },
          { src: 'completions/tool.fish', dst: 'completions/tool.fish' },
          { src: 'man/tool.1.gz', dst: 'man/' },
          { src: 'man/tool.conf.5' },
          { src: 'lib/libtool.so.1' },
          { src: 'README.md' },
          { src: 'docs/*.md', dst: 'docs/' },
        ],
      },
    });
    expect(installOf(render(config))).toEqual([
      'bin.install "tool"',
      'bin.install "libexec/tool-helper"',
      'bash_completion.install "completions/tool.bash" => "tool"',
      'zsh_completion.install "completions/tool.zsh" => "_tool"',
      'fish_completion.install "completions/tool.fish" => "tool.fish"',
      'man1.install "man/tool.1.gz"',
      'man5.install "tool.conf.5"',
    ]);
  });

  it('drops a single top-level directory Homebrew changes into, but not when a glob may add more', () => {
    const files = [{ src: 'dist/tool', dst: 'pkg/bin/tool', file_info: { mode: '0755' } }, { src: 'man/tool.1', dst: 'pkg/man/tool.1' }];
    expect(installOf(render(cfg({ archives: { files } })))).toEqual(['bin.install "bin/tool"', 'man1.install "man/tool.1"']);
    expect(installOf(render(cfg({ archives: { files: [...files, { src: 'extra/*' }] } })))).toEqual(['bin.install "pkg/bin/tool"', 'man1.install "pkg/man/tool.1"']);
  });

  it('uses only files every darwin/linux archive has at the same path', () => {
    const config = cfg({ archives: { files: [{ src: 'dist/tool', file_info: { mode: '0755' } }, { src: 'dist/{{ .Os }}-notes.1' }] } });
    expect(installOf(render(config))).toEqual(['bin.install "tool"']);
  });

  it('appends homebrew.install lines (templated, multi-line indented) after the generated ones', () => {
    const config = cfg({ homebrew: { install: ['etc.install "tool-{{ .Version }}.toml" => "tool.toml"', 'if OS.mac?\n  prefix.install "Tool.app"\nend'] } });
    expect(render(config, '2.0.0')).toContain(
      ['  def install', '    bin.install "tool"', '    etc.install "tool-2.0.0.toml" => "tool.toml"', '    if OS.mac?', '      prefix.install "Tool.app"', '    end', '  end'].join('\n'),
    );
  });

  it('is a ConfigurationError when it cannot tell what to install', () => {
    const e = configError(() => render(cfg({ archives: { files: [{ src: 'README.md' }, { src: 'dist/*' }] } })));
    expect(e.location?.field).toBe('archives.files');
    expect(e.message).toMatch(/names no program for the formula to install/);
    expect(e.fix).toMatch(/homebrew\.install/);
    expect(installOf(render(cfg({ archives: { files: [{ src: 'dist/*' }] }, homebrew: { install: ['bin.install Dir["*"]'] } })))).toEqual(['bin.install Dir["*"]']);
  });
});

describe('caveats, service and test', () => {
  it('writes caveats as a heredoc whose #{...} stays text', () => {
    const formula = render(cfg({ homebrew: { caveats: 'Run `tool init` in #{HOME}.\nVersion {{ .Version }}.\n' } }), '3.1.0');
    expect(formula).toContain(['  def caveats', '    <<~EOS', '      Run `tool init` in \\#{HOME}.', '      Version 3.1.0.', '    EOS', '  end'].join('\n'));
  });

  it('puts caveats after install and before service and test', () => {
    const formula = render(cfg({ homebrew: { caveats: 'x', service: { run: ['tool'] } } }));
    const at = (s: string) => formula.indexOf(s);
    expect(at('  def install')).toBeLessThan(at('  def caveats'));
    expect(at('  def caveats')).toBeLessThan(at('  service do'));
    expect(at('  service do')).toBeLessThan(at('  test do'));
  });

  it('writes a service that runs an installed program through opt_bin', () => {
    const formula = render(cfg({ homebrew: { service: { run: ['tool', 'serve', '--dir={{ .Name }}'], keep_alive: false, log_path: '/tmp/tool.log', error_log_path: './log/tool.err', working_dir: 'tool', environment_variables: { TOOL_A: '1', B_2: '"#{x}"' } } } }));
    expect(formula).toContain(
      [
        '  service do',
        '    run [opt_bin/"tool", "serve", "--dir=tool"]',
        '    keep_alive false',
        '    working_dir var/"tool"',
        '    log_path "/tmp/tool.log"',
        '    error_log_path var/"log/tool.err"',
        '    environment_variables TOOL_A: "1", B_2: "\\"\\#{x}\\""',
        '  end',
      ].join('\n'),
    );
    expect(render(cfg({ homebrew: { service: { run: ['tool'] } } }))).toContain('  service do\n    run opt_bin/"tool"\n  end\n');
  });

  it('refuses a service program the formula does not install, and bad variable names', () => {
    const e = configError(() => render(cfg({ homebrew: { service: { run: ['toold', 'serve'] } } })));
    expect(e.message).toBe('homebrew.service.run[0] is "toold", which the formula does not install into bin (it installs tool)');
    expect(e.fix).toBe('name one of them, e.g. run: [tool]');
    expect(render(cfg({ homebrew: { service: { run: ['toold'] }, install: ['bin.install "toold"'] } }))).toContain('run opt_bin/"toold"');
    expect(configError(() => render(cfg({ homebrew: { service: { run: ['tool'], environment_variables: { 'A-B': 'x' } } } }))).message).toMatch(/^homebrew\.service\.environment_variables\.A-B is not an environment variable name/);
  });

  it('tests "<program> --version" by default, preferring the program named like the formula', () => {
    expect(render(cfg())).toContain('  test do\n    assert_match version.to_s, shell_output("#{bin}/tool --version")\n  end\n');
    const two = cfg({ contents: [{ src: 'a', dst: '/usr/bin/aaa' }, { src: 'b', dst: '/usr/bin/tool' }] });
    expect(render(two)).toContain('shell_output("#{bin}/tool --version")');
  });

  it('runs homebrew.test.command from bin when its first word is a program, with the exit code given', () => {
    expect(render(cfg({ homebrew: { test: { command: 'tool version --json "#{x}"', exit_code: 2 } } }))).toContain('assert_match version.to_s, shell_output("#{bin}/tool version --json \\"\\#{x}\\"", 2)');
    expect(render(cfg({ homebrew: { test: { command: 'sh -c "tool -v"' } } }))).toContain('assert_match version.to_s, shell_output("sh -c \\"tool -v\\"")');
  });
});

describe('names, tap and templates', () => {
  it('names the formula homebrew.formula, else the package name lowercased', () => {
    expect(formulaPath(cfg({ homebrew: { formula: 'tool@2' } }))).toBe('Formula/tool@2.rb');
    expect(render(cfg({ homebrew: { formula: 'tool@2' } }))).toContain('class ToolAT2 < Formula');
    expect(formulaPath(cfg({ name: 'MyTool' }))).toBe('Formula/mytool.rb');
  });

  it('refuses a formula name Homebrew cannot load, suggesting one', () => {
    const e = configError(() => formulaPath(cfg({ homebrew: { formula: 'My Tool' } })));
    expect(e.message).toBe('homebrew.formula gives the Homebrew formula name "My Tool", which must start with a lowercase letter (the Ruby class name "MyTool" must be a constant)');
    expect(e.fix).toBe('set homebrew.formula: my-tool');
    expect(configError(() => formulaPath(cfg({ name: '3proxy' }))).location?.field).toBe('name');
  });

  it('checks the tap, and maps it to its repository and its brew name', () => {
    expect(homebrewSettings(cfg({ homebrew: { tap: 'example/homebrew-tools' } })).tap).toBe('example/homebrew-tools');
    expect(configError(() => homebrewSettings(cfg({ homebrew: { tap: 'homebrew-tools' } }))).message).toBe('homebrew.tap must be a GitHub repository as owner/homebrew-name, got "homebrew-tools"');
    expect([tapRepository('example/tools'), tapName('example/tools')]).toEqual(['example/homebrew-tools', 'example/tools']);
    expect([tapRepository('example/homebrew-tools'), tapName('example/homebrew-tools')]).toEqual(['example/homebrew-tools', 'example/tools']);
  });

  it('refuses per-platform template variables in the formula', () => {
    const e = configError(() => render(cfg({ homebrew: { caveats: 'Built for {{ .Os }}' } })));
    expect(e.message).toBe('homebrew.caveats uses {{ .Os }}, which has no single value in a formula that covers several platforms');
    expect(e.location).toEqual({ file: 'pa.yml', field: 'homebrew.caveats' });
  });

  it('gives the action everything it needs without rendering', () => {
    const s = homebrewSettings(servin, { version: '0.9.2' });
    expect(s).toMatchObject({ tap: 'servin/homebrew-tap', formulaName: 'servin', className: 'Servin', programs: ['servin', 'servin-desktop'], dependencies: [] });
    expect(s.platforms).toEqual([
      { os: 'linux', arch: 'amd64' },
      { os: 'linux', arch: 'arm64' },
      { os: 'darwin', arch: 'amd64' },
      { os: 'darwin', arch: 'arm64' },
    ]);
  });
});
