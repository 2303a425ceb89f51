/**
 * The `homebrew` block with its defaults, checked: everything renderFormula and the
 * update-homebrew-tap action need, without Ruby syntax.
 */
import { parseTemplate, renderTemplate } from '../config/template.js';
import type { HomebrewDependencyType, PackageConfig, Platform } from '../config/types.js';
import { ConfigurationError } from '../core/errors.js';
import { formulaClassName, formulaNameProblem, suggestFormulaName } from './class-name.js';
import { descProblems, fixDesc } from './desc.js';
import { formulaArchiveFiles, installLines, programNames } from './layout.js';

export interface HomebrewDependency {
  name: string;
  os?: 'darwin' | 'linux';
  type?: HomebrewDependencyType;
}

export interface HomebrewService {
  /** Program in bin, then its arguments. */
  run: string[];
  keepAlive?: boolean;
  logPath?: string;
  errorLogPath?: string;
  workingDir?: string;
  environment: Record<string, string>;
}

export interface HomebrewTest {
  /** Shell command; its first word is a program in bin when `inBin`. */
  command: string;
  inBin: boolean;
  exitCode: number;
}

export interface HomebrewSettings {
  /** The tap as written in the config (owner/homebrew-name or owner/name); see tapRepository. */
  tap?: string;
  formulaName: string;
  className: string;
  desc: string;
  dependencies: HomebrewDependency[];
  caveats?: string;
  /** Ruby lines of `def install`: generated ones, then homebrew.install. */
  install: string[];
  /** Programs the generated lines put into bin. */
  programs: string[];
  service?: HomebrewService;
  test: HomebrewTest;
  /** The config's platforms Homebrew can install (darwin/linux, amd64/arm64), in config order. */
  platforms: HomebrewPlatform[];
}

export type HomebrewPlatform = Platform & { os: 'darwin' | 'linux'; arch: 'amd64' | 'arm64' };

export interface HomebrewSettingsOptions {
  /** The release version, for {{ .Version }}; default: the config's version. */
  version?: string;
  /** Config file named in errors. */
  file?: string;
}

const TAP = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;
const DEPENDENCY = /^[A-Za-z0-9][A-Za-z0-9@+_./-]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The GitHub repository of a tap: owner/name and owner/homebrew-name are the same tap. */
export function tapRepository(tap: string): string {
  const [owner, repo] = tap.split('/') as [string, string];
  return `${owner}/${repo.startsWith('homebrew-') ? repo : `homebrew-${repo}`}`;
}

/** What users type: `brew install <tapName>/<formula>`. */
export function tapName(tap: string): string {
  const [owner, repo] = tap.split('/') as [string, string];
  return `${owner}/${repo.replace(/^homebrew-/, '')}`;
}

export function homebrewPlatforms(config: PackageConfig): HomebrewPlatform[] {
  return config.platforms.filter((p): p is HomebrewPlatform => (p.os === 'darwin' || p.os === 'linux') && (p.arch === 'amd64' || p.arch === 'arm64'));
}

/** homebrew.formula, else the package name lowercased; checked against Homebrew's naming rules. */
export function formulaNameOf(config: PackageConfig, file = '(config)'): string {
  const given = config.homebrew?.formula;
  const name = given ?? config.name.toLowerCase();
  const problem = formulaNameProblem(name);
  if (!problem) return name;
  const suggestion = suggestFormulaName(name);
  const field = given === undefined ? 'name' : 'homebrew.formula';
  throw new ConfigurationError(`${field} gives the Homebrew formula name ${JSON.stringify(name)}, which ${problem}`, {
    location: { file, field },
    fix: suggestion ? `set homebrew.formula: ${suggestion}` : 'set homebrew.formula to lowercase letters, digits and - _ . + @, starting with a letter',
  });
}

export function homebrewSettings(config: PackageConfig, options: HomebrewSettingsOptions = {}): HomebrewSettings {
  const h = config.homebrew ?? {};
  const file = options.file ?? '(config)';
  const version = options.version ?? config.version ?? '';
  const fail = (field: string, message: string, fix?: string) => new ConfigurationError(`${field} ${message}`, { location: { file, field }, fix });
  // One formula serves every platform: only the variables that are the same everywhere.
  const text = (s: string, field: string): string => {
    const { parts } = parseTemplate(s);
    const perPlatform = parts.find((p) => 'variable' in p && ['Os', 'Arch', 'Exe'].includes(p.variable));
    if (perPlatform && 'variable' in perPlatform) {
      throw fail(field, `uses {{ .${perPlatform.variable} }}, which has no single value in a formula that covers several platforms`, 'use {{ .Name }}, {{ .Version }} or {{ .Release }}, or Ruby (OS.mac?, Hardware::CPU.arm?) in homebrew.install');
    }
    return renderTemplate(s, { Name: config.name, Version: version, Release: config.release, Os: '', Arch: '' }, field);
  };

  if (h.tap !== undefined && !TAP.test(h.tap)) throw fail('homebrew.tap', `must be a GitHub repository as owner/homebrew-name, got ${JSON.stringify(h.tap)}`, 'write tap: owner/homebrew-tap');

  const formulaName = formulaNameOf(config, file);

  const platforms = homebrewPlatforms(config);
  if (platforms.length === 0) {
    throw fail('platforms', 'has no darwin or linux platform on amd64 or arm64, which is all Homebrew installs', 'add - { os: darwin, arch: arm64 } (and the others you build) to platforms, or leave Homebrew out of the release');
  }

  const files = formulaArchiveFiles(config, platforms, version);
  const programs = programNames(files);
  const extra = (h.install ?? []).map((line, i) => text(line, `homebrew.install[${i}]`));
  const install = [...installLines(files), ...extra];
  if (install.length === 0) {
    throw fail(
      config.archives?.files ? 'archives.files' : 'contents',
      'names no program for the formula to install: the darwin/linux archives have no file installed into bin or sbin, and no archives.files entry with an executable mode',
      'give the program in archives.files file_info: { mode: "0755" }, or add homebrew.install: [\'bin.install "app"\']',
    );
  }

  return {
    tap: h.tap,
    formulaName,
    className: formulaClassName(formulaName),
    desc: desc(config, formulaName, text, fail),
    dependencies: (h.dependencies ?? []).map((d, i) => {
      const name = text(d.name, `homebrew.dependencies[${i}].name`);
      if (!DEPENDENCY.test(name)) throw fail(`homebrew.dependencies[${i}].name`, `must be a formula name (or owner/tap/formula), got ${JSON.stringify(name)}`);
      return { name, os: d.os, type: d.type };
    }),
    caveats: h.caveats === undefined ? undefined : text(h.caveats, 'homebrew.caveats'),
    install,
    programs,
    service: h.service && service(h.service, programs, extra.length > 0, text, fail),
    test: test(h.test, programs, formulaName, config.name, text),
    platforms,
  };
}

type Text = (s: string, field: string) => string;
type Fail = (field: string, message: string, fix?: string) => ConfigurationError;

function desc(config: PackageConfig, formula: string, text: Text, fail: Fail): string {
  const given = config.homebrew?.desc;
  if (given !== undefined) {
    const { problems, suggestion } = descProblems(text(given, 'homebrew.desc'), formula);
    if (problems.length > 0) throw fail('homebrew.desc', problems.join('; '), suggestion ? `write desc: ${JSON.stringify(suggestion)}` : 'rewrite it (Homebrew style: at most 80 characters, e.g. "Container runtime with a VM mode")');
    return text(given, 'homebrew.desc');
  }
  const fixed = fixDesc(text(config.summary, 'summary'), formula);
  if (fixed.problems.length > 0) {
    throw fail('summary', `cannot be the Homebrew desc: ${fixed.problems.join('; ')} (after fixing it up to ${JSON.stringify(fixed.desc)})`, 'set homebrew.desc: one line of at most 80 characters that does not start with the formula name');
  }
  return fixed.desc;
}

function service(s: NonNullable<PackageConfig['homebrew']>['service'] & object, programs: string[], hasExtraInstall: boolean, text: Text, fail: Fail): HomebrewService {
  const run = s.run.map((a, i) => text(a, `homebrew.service.run[${i}]`));
  const program = run[0] as string;
  // With hand-written install lines the formula may install more than we can see.
  if (!hasExtraInstall && !programs.includes(program)) {
    throw fail('homebrew.service.run[0]', `is ${JSON.stringify(program)}, which the formula does not install into bin (it installs ${programs.join(', ')})`, `name one of them, e.g. run: [${programs[0]}]`);
  }
  const environment: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.environment_variables ?? {})) {
    if (!ENV_NAME.test(k)) throw fail(`homebrew.service.environment_variables.${k}`, 'is not an environment variable name (letters, digits and _, not starting with a digit)');
    environment[k] = text(v, `homebrew.service.environment_variables.${k}`);
  }
  const path = (v: string | undefined, key: string) => (v === undefined ? undefined : text(v, `homebrew.service.${key}`));
  return { run, keepAlive: s.keep_alive, logPath: path(s.log_path, 'log_path'), errorLogPath: path(s.error_log_path, 'error_log_path'), workingDir: path(s.working_dir, 'working_dir'), environment };
}

function test(t: NonNullable<PackageConfig['homebrew']>['test'], programs: string[], formula: string, name: string, text: Text): HomebrewTest {
  const main = [formula, name].find((n) => programs.includes(n)) ?? programs[0] ?? formula;
  const command = t?.command === undefined ? `${main} --version` : text(t.command, 'homebrew.test.command').trim();
  const first = command.split(/\s+/)[0] ?? '';
  return { command, inBin: programs.includes(first) || (t?.command === undefined), exitCode: t?.exit_code ?? 0 };
}
