import { beforeAll, describe, expect, it } from '@jest/globals';
import { join, resolve } from 'node:path';
import { loadConfig, type PackageConfig } from '../../src/config/index.js';
import { formulaPath, homebrewSettings, tapName, tapRepository } from '../../src/homebrew/index.js';
import { cfg, configError, installOf, render } from '../fixtures/homebrew/formula-helpers.js';

let servin: PackageConfig;

beforeAll(async () => {
  servin = (await loadConfig('package-actions.yml', { cwd: join(resolve(import.meta.dirname, '..', '..'), 'examples', 'servin') })).config;
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
