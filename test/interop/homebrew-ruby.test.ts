/**
 * Generated formulae judged by Ruby: `ruby -c`, then evaluated under test/support/homebrew-dsl.rb
 * (a stand-in for Homebrew's Formula DSL) once per simulated machine, darwin/linux × arm64/amd64:
 * each must resolve to its own url and the sha256 of the archive that url names, install the
 * archive's files from a real unpacked release archive, and pass its own test.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { renderFormula, rubyString, type FormulaAsset } from '../../src/homebrew/index.js';
import { rubyHeredoc } from '../../src/homebrew/ruby.js';
import { HOMEBREW_PLATFORMS, releaseUrl, TOOL_CAVEATS, writeToolProject } from '../fixtures/homebrew/assets.js';
import { planArchives, writeArchives } from '../support/archive.js';
import { requireTool } from '../support/tools.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DSL = join(ROOT, 'test', 'support', 'homebrew-dsl.rb');
const SERVIN = join(ROOT, 'examples', 'servin');
const HOST = process.platform === 'linux' ? { x64: 'amd64', arm64: 'arm64' }[process.arch as string] : undefined;

interface Sim {
  calls: string[];
  depends_on: { dep: unknown; in: string }[];
  desc: string;
  homepage: string;
  version: string;
  license: unknown;
  url?: string;
  sha256?: string;
  installed: [string, string, string][];
  commands: [string, number][];
  caveats: string | null;
  service: Record<string, unknown> | null;
}

const hasRuby = () => requireTool('ruby');

/** Evaluates a formula file for one simulated machine; `stage` is an unpacked archive to install from. */
function simulate(file: string, className: string, os: string, arch: string, opts: { stage?: string; prefix?: string; run?: boolean } = {}): Sim {
  const args = [DSL, file, className, ...(opts.stage ? [opts.stage, opts.prefix ?? mkdtempSync(join(tmpdir(), 'pa-brew-prefix-'))] : [])];
  const r = spawnSync('ruby', args, { env: { ...process.env, HOMEBREW_SIM_OS: os, HOMEBREW_SIM_ARCH: arch, HOMEBREW_SIM_RUN: opts.run ? '1' : '' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`homebrew-dsl.rb failed for ${os}/${arch}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as Sim;
}

function writeFormula(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pa-brew-')), 'formula.rb');
  writeFileSync(file, text);
  return file;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function unpack(archive: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pa-brew-stage-'));
  execFileSync('tar', ['-xzf', archive, '-C', dir]);
  return dir;
}

/** Builds a project's release archives and the formula assets for them: real digests, URLs named after the files. */
async function release(workdir: string, version: string): Promise<{ assets: FormulaAsset[]; files: Map<string, string> }> {
  const archives = await writeArchives(await planArchives({ workdir, config: 'package-actions.yml', version }), { only: (p) => p.os !== 'windows' });
  const byUrl = new Map<string, string>();
  const assets: FormulaAsset[] = [];
  for (const { os, arch } of HOMEBREW_PLATFORMS) {
    const name = [...archives.keys()].find((n) => n.endsWith(`_${os}_${arch}.tar.gz`))!;
    const url = `https://github.com/example/releases/download/v${version}/${name}`;
    byUrl.set(url, archives.get(name)!);
    assets.push({ os, arch, url, sha256: sha256(archives.get(name)!) });
  }
  return { assets, files: byUrl };
}

describe('the Servin example formula', () => {
  let file: string;
  let files: Map<string, string>;

  beforeAll(async () => {
    const config = (await loadConfig('package-actions.yml', { cwd: SERVIN })).config;
    const built = await release(SERVIN, '0.9.2');
    files = built.files;
    file = writeFormula(renderFormula({ config, version: '0.9.2', assets: built.assets }));
  });

  test('is valid Ruby (ruby -c)', () => {
    if (!hasRuby()) return;
    expect(execFileSync('ruby', ['-c', file]).toString()).toBe('Syntax OK\n');
  });

  test.each(HOMEBREW_PLATFORMS)('on $os/$arch resolves to that platform\'s archive and digest, and installs its programs', ({ os, arch }) => {
    if (!hasRuby() || !requireTool('tar')) return;
    const dry = simulate(file, 'Servin', os, arch);
    expect(dry.url).toMatch(new RegExp(`/servin_0\\.9\\.2_${os}_${arch}\\.tar\\.gz$`));
    const archive = files.get(dry.url!)!;
    expect(dry.sha256).toBe(sha256(archive)); // what Homebrew checks after downloading
    expect(dry).toMatchObject({ desc: 'Container runtime with a lightweight virtual machine mode', homepage: 'https://servin.example', version: '0.9.2', license: 'Apache-2.0', depends_on: [] });
    expect(dry.calls).toEqual(['desc', 'homepage', 'version', 'license', 'on_macos', ...(os === 'darwin' ? [`on_macos>on_arm`, ...(arch === 'arm64' ? ['on_macos>on_arm>url', 'on_macos>on_arm>sha256'] : []), 'on_macos>on_intel', ...(arch === 'amd64' ? ['on_macos>on_intel>url', 'on_macos>on_intel>sha256'] : [])] : []), 'on_linux', ...(os === 'linux' ? ['on_linux>on_arm', ...(arch === 'arm64' ? ['on_linux>on_arm>url', 'on_linux>on_arm>sha256'] : []), 'on_linux>on_intel', ...(arch === 'amd64' ? ['on_linux>on_intel>url', 'on_linux>on_intel>sha256'] : [])] : []), 'install', 'caveats', 'service', 'test']);
    expect(dry.service).toEqual({ run: ['/opt/homebrew-sim/opt/bin/servin', 'daemon'], keep_alive: true, log_path: '/opt/homebrew-sim/var/log/servin.log', error_log_path: '/opt/homebrew-sim/var/log/servin.log' });

    const prefix = mkdtempSync(join(tmpdir(), 'pa-brew-prefix-'));
    const real = simulate(file, 'Servin', os, arch, { stage: unpack(archive), prefix, run: os === 'linux' && arch === HOST });
    expect(real.installed).toEqual([['bin', 'servin', 'servin'], ['bin', 'servin-desktop', 'servin-desktop']]);
    expect(readdirSync(join(prefix, 'bin')).sort()).toEqual(['servin', 'servin-desktop']);
    expect(real.commands).toEqual([[`${prefix}/bin/servin --version`, 0]]);
  });
});

describe('a formula using every homebrew setting, with text hostile to Ruby', () => {
  let file: string;
  let files: Map<string, string>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pa-brew-tool-'));
    writeToolProject(dir);
    const config = (await loadConfig('package-actions.yml', { cwd: dir })).config;
    const built = await release(dir, '1.2.3');
    files = built.files;
    file = writeFormula(renderFormula({ config, version: '1.2.3', assets: built.assets }));
  });

  test('is valid Ruby (ruby -c)', () => {
    if (!hasRuby()) return;
    expect(execFileSync('ruby', ['-c', file]).toString()).toBe('Syntax OK\n');
  });

  test.each(HOMEBREW_PLATFORMS)('on $os/$arch: exact strings back, dependencies, completions, man page, a passing test', ({ os, arch }) => {
    if (!hasRuby() || !requireTool('tar')) return;
    const prefix = mkdtempSync(join(tmpdir(), 'pa-brew-prefix-'));
    const dry = simulate(file, 'MyTool', os, arch);
    const archive = files.get(dry.url!)!;
    expect(basename(archive)).toBe(`my-tool_1.2.3_${os}_${arch}.tar.gz`);
    expect(dry.sha256).toBe(sha256(archive));
    const sim = simulate(file, 'MyTool', os, arch, { stage: unpack(archive), prefix, run: true });

    expect(sim.desc).toBe('Command-line tool for #{ENV} "quoted" things');
    expect(sim.caveats).toBe(TOOL_CAVEATS);
    expect(sim.license).toEqual({ any_of: ['MIT', { all_of: ['Apache-2.0', 'BSD-3-Clause'] }] });
    expect(sim.depends_on).toEqual([
      { dep: { 'pkg-config': ':build' }, in: '' },
      { dep: 'xz', in: '' },
      ...(os === 'linux' ? [{ dep: 'util-linux', in: 'on_linux' }] : []),
    ]);
    expect(sim.installed).toEqual([
      ['bin', 'tool', 'tool'],
      ['bash_completion', 'completions/tool.bash', 'tool'],
      ['zsh_completion', 'completions/tool.zsh', '_tool'],
      ['fish_completion', 'completions/tool.fish', 'tool.fish'],
      ['man1', 'man/man1/tool.1', 'tool.1'],
      ['prefix', 'README.md', 'README.md'],
    ]);
    for (const path of ['bin/tool', 'etc/bash_completion.d/tool', 'share/zsh/site-functions/_tool', 'share/fish/vendor_completions.d/tool.fish', 'share/man/man1/tool.1', 'README.md']) {
      expect(existsSync(join(prefix, path))).toBe(true);
    }
    // The test ran the installed script: "#{v}" reached the shell as text, not as Ruby.
    expect(sim.commands).toEqual([[`${prefix}/bin/tool --version "#{v}"`, 0]]);
    expect(execFileSync(join(prefix, 'bin', 'tool'), ['x']).toString()).toBe(`my-tool ${os}/${arch} version 1.2.3 args: x\n`);
    expect(sim.service).toEqual({ run: ['/opt/homebrew-sim/opt/bin/tool', 'serve', '--name=#{name}'], keep_alive: true, working_dir: '/opt/homebrew-sim/var/my-tool', environment_variables: { TOOL_MODE: '#{mode}' } });
  });
});

describe('sparse platforms', () => {
  test('darwin/arm64 and linux/amd64 only: the other machines get a requirement, not a missing url', async () => {
    if (!hasRuby()) return;
    const config = (await loadConfig('package-actions.yml', { cwd: SERVIN })).config;
    const platforms = [{ os: 'darwin', arch: 'arm64' }, { os: 'linux', arch: 'amd64' }] as const;
    const assets = platforms.map((p) => ({ ...p, url: releaseUrl('servin', '0.9.2', p.os, p.arch), sha256: 'a'.repeat(64) }));
    const file = writeFormula(renderFormula({ config: { ...config, platforms: [...platforms] }, version: '0.9.2', assets }));
    const intelMac = simulate(file, 'Servin', 'darwin', 'amd64');
    expect(intelMac.url).toBeUndefined();
    expect(intelMac.depends_on).toEqual([{ dep: { arch: ':arm64' }, in: 'on_macos' }]);
    const armLinux = simulate(file, 'Servin', 'linux', 'arm64');
    expect(armLinux.url).toBeUndefined();
    expect(armLinux.depends_on).toEqual([{ dep: { arch: ':x86_64' }, in: 'on_linux' }]);
    expect(simulate(file, 'Servin', 'darwin', 'arm64').url).toBe(releaseUrl('servin', '0.9.2', 'darwin', 'arm64'));
  });
});

describe('the DSL stand-in refuses what brew style refuses', () => {
  const formula = (body: string) => writeFormula(`class Bad < Formula\n  desc "Bad"\n  homepage "https://example.org"\n  version "1.0"\n${body}\n  def install\n  end\n\n  test do\n  end\nend\n`);
  test.each([
    ['a url directly in on_macos', '  on_macos do\n    url "https://example.org/a.tar.gz"\n    sha256 "' + 'a'.repeat(64) + '"\n  end', /url in on_macos: must be nested/],
    ['on_intel before on_arm', '  on_macos do\n    on_intel do\n    end\n    on_arm do\n    end\n  end', /on_arm comes after on_intel in on_macos/],
    ['on_linux before on_macos', '  on_linux do\n  end\n  on_macos do\n  end', /on_macos comes after on_linux/],
    ['two on_macos blocks', '  on_macos do\n  end\n  on_macos do\n  end', /two on_macos blocks/],
    ['an uppercase digest', '  on_macos do\n    on_arm do\n      url "https://example.org/a.tar.gz"\n      sha256 "' + 'A'.repeat(64) + '"\n    end\n  end', /not 64 lowercase hex/],
    ['a bare license array', '  license ["MIT", "Apache-2.0"]', /bare array/],
  ])('%s', (_name, body, message) => {
    if (!hasRuby()) return;
    expect(() => simulate(formula(body), 'Bad', 'darwin', 'arm64')).toThrow(message);
  });
});

describe('Ruby literals read back by Ruby', () => {
  const HOSTILE = [
    'plain',
    'say "hi" and \'bye\'',
    'back\\slash\\n not a newline',
    '#{system("false")} #@ivar #$0 #x # ## #',
    'line\nbreak\ttab\r\ncrlf',
    'bell\u0007 nul\u0000 esc\u001b del\u007f',
    'ünïcödé ✓ 日本語 𝔘',
    'EOS\n  EOS\nEOS2',
    '  indented\n    more',
    'flush\n\tTabbed\n   \nafter a line of spaces',
  ];

  test('rubyString and rubyHeredoc give back the exact text', () => {
    if (!hasRuby()) return;
    const lines = ['require "json"', 'values = []'];
    for (const v of HOSTILE) {
      lines.push(`values << ${rubyString(v)}`);
      lines.push(`values << (${rubyHeredoc(v, '')}\n)`);
    }
    lines.push('print JSON.generate(values)');
    const file = writeFormula(lines.join('\n') + '\n');
    const got = JSON.parse(execFileSync('ruby', [file]).toString()) as string[];
    const heredocValue = (v: string) => v.replace(/\r\n?/g, '\n').replace(/\n+$/, '') + '\n';
    expect(got).toEqual(HOSTILE.flatMap((v) => [v, heredocValue(v)]));
  });
});
