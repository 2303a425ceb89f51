import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { configFor, loadConfig, renderTemplate } from '../config/index.js';
import type { LoadedConfig, PackageConfig, Platform } from '../config/types.js';
import { resolveContents, type ResolveOptions } from '../contents/resolve.js';
import { buildTime } from '../contents/mtime.js';
import { ConfigurationError } from '../core/errors.js';
import type { ActionIO } from '../core/io.js';
import { getPackager } from '../packagers/index.js';
import { readScripts } from '../packagers/scripts.js';
import type { PackageInfo, WrittenFile } from '../packagers/types.js';
import { signFileArmored, type Signer } from '../signing/index.js';
import { parseVersion, type ParsedVersion } from '../version/parse.js';
import { sha256File } from './checksum.js';
import { selectPlatforms } from './platforms.js';

export interface BuildRequest {
  format: string;
  /** Where the config path, contents and output-dir start (default: the caller's cwd). */
  workdir?: string;
  configPath: string;
  version?: string;
  arch: string[];
  outputDir: string;
  dryRun: boolean;
  threads: number;
  allowExternalSrc: boolean;
  /**
   * Makes the signer once the build time is known (signatures carry it, so they are as
   * reproducible as the packages). Undefined, or resolving to undefined: nothing is signed.
   */
  signer?: (date: Date) => Promise<Signer | undefined>;
}

export interface BuiltFile {
  /** Path as shown to the user: relative to the caller's cwd when inside it (ready for upload steps). */
  path: string;
  name: string;
  size: number;
  sha256: string;
  platform: Platform;
  /** The detached signature written next to the package (formats without in-package signatures). */
  signature?: string;
}

export interface BuildEnv {
  io: ActionIO;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The version to build: the input, else the config's `version:`; templated values are not allowed. */
export function resolveVersion(input: string | undefined, loaded: LoadedConfig): ParsedVersion {
  const raw = input ?? loaded.config.version;
  if (!raw) {
    throw new ConfigurationError('no version to build', {
      location: { file: loaded.file, field: 'version' },
      fix: 'pass the version input (e.g. version: ${{ steps.version.outputs.version }} from detect-version) or set version: in the config',
    });
  }
  return parseVersion(raw);
}

function templated(config: PackageConfig, loaded: LoadedConfig, version: ParsedVersion, platform: Platform) {
  const vars = { Name: config.name, Version: version.version, Release: config.release ?? 1, Os: platform.os, Arch: platform.arch };
  return (value: string, field: string) => renderTemplate(value, vars, field, loaded);
}

/**
 * Builds one package per selected platform. Everything is resolved and checked first, so a bad
 * config or a missing file builds nothing; each package is written to a temporary name and
 * renamed into place, so an interrupted run never leaves a truncated package behind.
 */
export async function buildPackages(req: BuildRequest, { io, env, cwd }: BuildEnv): Promise<BuiltFile[]> {
  const packager = getPackager(req.format);
  const workdir = resolve(cwd, req.workdir ?? '.');
  // The commit time (a git process) is fetched while the config loads; awaited after it, so a
  // config error still comes first (and the early rejection is not reported as unhandled).
  const timing = buildTime(env, workdir);
  timing.catch(() => undefined);
  const loaded = await io.group('Load configuration', async () => {
    const l = await loadConfig(resolve(workdir, req.configPath), { cwd: workdir, displayRoot: env.GITHUB_WORKSPACE ?? cwd });
    io.info(`config: ${l.file}`);
    return l;
  });
  const version = resolveVersion(req.version, loaded);
  const platforms = selectPlatforms(loaded.config.platforms, packager, req.arch, loaded.file);
  const time = await timing;
  if (time.source === 'fallback') io.warning('SOURCE_DATE_EPOCH is not set and this is not a git checkout: timestamps use 1980-01-01');
  const signer = req.signer ? await io.group('Load signing key', async () => req.signer?.(new Date(time.seconds * 1000))) : undefined;

  const plans = await io.group(`Resolve contents (${platforms.length} platform${platforms.length === 1 ? '' : 's'})`, async () => {
    const out: PackageInfo[] = [];
    for (const platform of platforms) {
      const config = configFor(loaded, req.format);
      const resolveOpts: ResolveOptions = {
        baseDir: loaded.baseDir,
        workspace: env.GITHUB_WORKSPACE ?? workdir,
        allowExternal: req.allowExternalSrc,
        mtime: time.seconds,
        format: req.format,
        platform,
        render: templated(config, loaded, version, platform),
        file: loaded.file,
        locate: loaded.locate.bind(loaded),
      };
      const contents = () => resolveContents(config.contents ?? [], resolveOpts);
      const entries = packager.resolveEntries ? await packager.resolveEntries(config, resolveOpts, contents) : await contents();
      const scripts = await readScripts(config.scripts, loaded.baseDir, loaded.file, 'scripts', loaded.locate.bind(loaded));
      const info: PackageInfo = { config, version, platform, entries, scripts, mtime: time.seconds, file: loaded.file, baseDir: loaded.baseDir };
      io.info(`${packager.fileName(info)}: ${entries.filter((e) => !e.implicit).length} entries (timestamps from ${time.source})`);
      out.push(info);
    }
    return out;
  });

  const outDir = resolve(workdir, req.outputDir);
  const shown = (p: string) => {
    const r = relative(cwd, p);
    return r.startsWith('..') ? p : r.split('\\').join('/');
  };
  if (req.dryRun) {
    io.info(`dry-run: would write ${plans.map((p) => packager.fileName(p)).join(', ')} to ${shown(outDir)}`);
    return plans.map((p) => ({ path: shown(join(outDir, packager.fileName(p))), name: packager.fileName(p), size: 0, sha256: '', platform: p.platform }));
  }

  await mkdir(outDir, { recursive: true });
  const built: BuiltFile[] = [];
  for (const info of plans) {
    const name = packager.fileName(info);
    await io.group(`Write ${name}`, async () => {
      const final = join(outDir, name);
      let written: WrittenFile | undefined;
      const partial = join(outDir, `.${name}.partial-${process.pid}`);
      try {
        written = (await packager.write(info, partial, { threads: req.threads, signer })) ?? undefined;
        await rename(partial, final);
      } finally {
        await rm(partial, { force: true });
      }
      const file: BuiltFile = { path: shown(final), name, size: written?.size ?? (await stat(final)).size, sha256: written?.sha256 ?? (await sha256File(final)), platform: info.platform };
      if (signer && !packager.signsInside) {
        await writeFile(`${final}.asc`, await signFileArmored(signer, final));
        file.signature = shown(`${final}.asc`);
      }
      io.info(`${file.path}  ${file.size} bytes  sha256:${file.sha256}${signer ? `  signed by ${signer.keyId}` : ''}`);
      built.push(file);
    });
  }
  return built;
}
