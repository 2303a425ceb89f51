import type { PackageConfig, Platform } from '../config/types.js';
import type { ResolveOptions } from '../contents/resolve.js';
import type { ResolvedEntry } from '../contents/types.js';
import type { Signer } from '../signing/types.js';
import type { ParsedVersion } from '../version/index.js';

/** Maintainer scripts, already read from disk and normalised (LF line endings, shebang checked). */
export interface ResolvedScripts {
  preinstall?: string;
  postinstall?: string;
  preremove?: string;
  postremove?: string;
}

/** Everything a packager needs for one package: format-specific config, version, files. */
export interface PackageInfo {
  /** The config after this format's overrides. */
  config: PackageConfig;
  version: ParsedVersion;
  platform: Platform;
  entries: ResolvedEntry[];
  scripts: ResolvedScripts;
  /** Seconds since the epoch for every timestamp in the package. */
  mtime: number;
  /** The config file, for messages. */
  file: string;
  /** Directory that script paths resolve against (LoadedConfig.baseDir); rpm reads rpm.scripts from it. */
  baseDir?: string;
}

export interface PackageOptions {
  /** Worker threads for block-parallel compression (1 = single-threaded). */
  threads?: number;
  /** Signs the package where the format has in-package signatures (rpm header signature). */
  signer?: Signer;
}

/** One package format (nfpm's model): a name for its files and a writer. */
export interface Packager {
  readonly format: string;
  /** The format carries its own signature (rpm's header signature); otherwise a detached `.asc` is written. */
  readonly signsInside?: boolean;
  /** The format's architecture name for a platform, or undefined if the format cannot target it. */
  archName(platform: Platform): string | undefined;
  /**
   * For formats whose files do not come from `contents` (release archives): the plan phase calls
   * this instead of resolving `contents`, so dry-run checks these files too and nothing is written
   * when one is missing. `contents()` resolves the config's contents on demand.
   */
  resolveEntries?(config: PackageConfig, opts: ResolveOptions, contents: () => Promise<ResolvedEntry[]>): Promise<ResolvedEntry[]>;
  /** e.g. `servin_0.9.2-1_amd64.deb`. */
  fileName(info: PackageInfo): string;
  /**
   * Writes the package to `outPath` (the caller makes the write atomic). A writer that hashed
   * the file as it wrote it returns the digest, so the caller need not read the file again.
   */
  write(info: PackageInfo, outPath: string, options: PackageOptions): Promise<WrittenFile | void>;
}

/** What a writer measured while writing a package: its hex SHA-256 and size in bytes. */
export interface WrittenFile {
  sha256: string;
  size: number;
}
