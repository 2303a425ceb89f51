/**
 * The formula text. Component order follows Homebrew's FormulaAudit/ComponentsOrder (desc,
 * homepage, version, license, depends_on, on_macos, on_linux, def install, def caveats, service,
 * test), and each OS block nests on_arm before on_intel, because a url directly inside a
 * top-level on_macos is an offense while one nested in on_arm/on_intel is not.
 */
import type { HomebrewDependencyType } from '../config/types.js';
import { rubyHeredoc, rubyString, rubyStringBody, rubySymbol } from './ruby.js';
import type { HomebrewPlatform, HomebrewService, HomebrewSettings, HomebrewTest } from './settings.js';

export interface PlatformDownload {
  platform: HomebrewPlatform;
  url: string;
  sha256: string;
}

export interface FormulaParts {
  settings: HomebrewSettings;
  homepage: string;
  version: string;
  /** Arguments of `license`, or undefined for none. */
  license?: string;
  downloads: PlatformDownload[];
}

interface Dependency {
  /** What Homebrew's DependencyOrder cop sorts on. */
  key: string;
  type?: HomebrewDependencyType;
  line: string;
}

const TYPE_RANK: Record<string, number> = { build: 0, test: 1, normal: 2, recommended: 3, optional: 4 };

/** Build, test, runtime, recommended, optional; by name within each (FormulaAudit/DependencyOrder). */
function dependsOn(deps: Dependency[], indent: string): string[] {
  return [...deps]
    .sort((a, b) => (TYPE_RANK[a.type ?? 'normal'] as number) - (TYPE_RANK[b.type ?? 'normal'] as number) || (a.key.toLowerCase() < b.key.toLowerCase() ? -1 : a.key.toLowerCase() > b.key.toLowerCase() ? 1 : 0))
    .map((d) => indent + d.line);
}

const formulaDependency = (name: string, type?: HomebrewDependencyType): Dependency => ({
  key: name,
  type,
  line: `depends_on ${rubyString(name)}${type ? ` => ${rubySymbol(type)}` : ''}`,
});

const archDependency = (arch: 'amd64' | 'arm64'): Dependency => ({ key: 'arch', line: `depends_on arch: ${arch === 'arm64' ? ':arm64' : ':x86_64'}` });

const OS_BLOCKS = [
  ['darwin', 'on_macos', 'macos'],
  ['linux', 'on_linux', 'linux'],
] as const;

function platformBlocks(parts: FormulaParts): { topLevel: Dependency[]; blocks: string[] } {
  const { settings, downloads } = parts;
  const arches = new Set(downloads.map((d) => d.platform.arch));
  const topLevel = settings.dependencies.filter((d) => d.os === undefined).map((d) => formulaDependency(d.name, d.type));
  // A machine the release has no archive for gets Homebrew's own "requires macOS/arm64" message, not "no url".
  const oses = OS_BLOCKS.filter(([os]) => downloads.some((d) => d.platform.os === os));
  if (oses.length === 1) {
    const symbol = (oses[0] as (typeof OS_BLOCKS)[number])[2];
    topLevel.push({ key: symbol, line: `depends_on :${symbol}` });
  }
  if (arches.size === 1) topLevel.push(archDependency([...arches][0] as 'amd64' | 'arm64'));

  const blocks: string[] = [];
  for (const [os, block] of OS_BLOCKS) {
    const mine = downloads.filter((d) => d.platform.os === os);
    if (mine.length === 0) continue;
    const deps = settings.dependencies.filter((d) => d.os === os).map((d) => formulaDependency(d.name, d.type));
    if (arches.size > 1 && mine.length === 1) deps.push(archDependency((mine[0] as PlatformDownload).platform.arch));
    const lines = [`  ${block} do`, ...dependsOn(deps, '    ')];
    for (const [arch, archBlock] of [['arm64', 'on_arm'], ['amd64', 'on_intel']] as const) {
      const d = mine.find((x) => x.platform.arch === arch);
      if (!d) continue;
      if (lines.length > 1) lines.push('');
      lines.push(`    ${archBlock} do`, `      url ${rubyString(d.url)}`, `      sha256 ${rubyString(d.sha256)}`, '    end');
    }
    lines.push('  end');
    blocks.push(lines.join('\n'));
  }
  return { topLevel, blocks };
}

/** `var/"log/x.log"` for a path below Homebrew's var directory, a string for an absolute one. */
function servicePath(p: string): string {
  return p.startsWith('/') ? rubyString(p) : `var/${rubyString(p.replace(/^\.\//, ''))}`;
}

function serviceBlock(s: HomebrewService): string[] {
  const [program, ...args] = s.run as [string, ...string[]];
  const bin = `opt_bin/${rubyString(program)}`;
  const lines = [`    run ${args.length === 0 ? bin : `[${[bin, ...args.map(rubyString)].join(', ')}]`}`];
  if (s.keepAlive !== undefined) lines.push(`    keep_alive ${s.keepAlive}`);
  if (s.workingDir !== undefined) lines.push(`    working_dir ${servicePath(s.workingDir)}`);
  if (s.logPath !== undefined) lines.push(`    log_path ${servicePath(s.logPath)}`);
  if (s.errorLogPath !== undefined) lines.push(`    error_log_path ${servicePath(s.errorLogPath)}`);
  const env = Object.entries(s.environment);
  if (env.length > 0) lines.push(`    environment_variables ${env.map(([k, v]) => `${k}: ${rubyString(v)}`).join(', ')}`);
  return ['  service do', ...lines, '  end'];
}

function testBlock(t: HomebrewTest): string[] {
  const command = t.inBin ? `"#{bin}/${rubyStringBody(t.command)}"` : rubyString(t.command);
  const call = `shell_output(${command}${t.exitCode === 0 ? '' : `, ${t.exitCode}`})`;
  return ['  test do', `    assert_match version.to_s, ${call}`, '  end'];
}

export function renderFormulaText(parts: FormulaParts): string {
  const { settings } = parts;
  const head = [`  desc ${rubyString(settings.desc)}`, `  homepage ${rubyString(parts.homepage)}`, `  version ${rubyString(parts.version)}`];
  if (parts.license !== undefined) head.push(`  license ${parts.license}`);
  const { topLevel, blocks } = platformBlocks(parts);
  const sections: string[][] = [head];
  if (topLevel.length > 0) sections.push(dependsOn(topLevel, '  '));
  for (const b of blocks) sections.push([b]);
  sections.push(['  def install', ...settings.install.flatMap((l) => l.split('\n').map((x) => (x.trim() === '' ? '' : `    ${x}`))), '  end']);
  if (settings.caveats !== undefined) sections.push(['  def caveats', `    ${rubyHeredoc(settings.caveats, '    ')}`, '  end']);
  if (settings.service) sections.push(serviceBlock(settings.service));
  sections.push(testBlock(settings.test));
  return [
    '# Generated by package-actions (update-homebrew-tap); the next release overwrites changes made here.',
    `class ${settings.className} < Formula`,
    sections.map((s) => s.join('\n')).join('\n\n'),
    'end',
    '',
  ].join('\n');
}
