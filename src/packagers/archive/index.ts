/**
 * Release archives: `{name}_{version}_{os}_{arch}.tar.gz` for linux and darwin, `.zip` for
 * windows, files at the archive root. What GitHub Releases, install scripts, Homebrew formulae
 * and WinGet portable manifests download. Unlike deb and rpm, every platform is a target.
 */
import type { PackageConfig, Platform } from '../../config/types.js';
import type { ResolveOptions } from '../../contents/resolve.js';
import type { ResolvedEntry } from '../../contents/types.js';
import { registerPackager } from '../registry.js';
import type { PackageInfo, PackageOptions, Packager } from '../types.js';
import { defaultArchiveEntries, resolveArchiveFiles } from './files.js';
import { archiveBaseName, archiveSettings, extensionOf } from './settings.js';
import { writeArchive } from './writer.js';

/**
 * A packager whose files do not come from `contents`. The build core calls `resolveEntries`
 * in its plan phase instead of resolving `contents` itself (so dry-run checks the archive files
 * and nothing is written when one is missing); `contents()` resolves them on demand.
 */
export interface ArchivePackager extends Packager {
  resolveEntries(config: PackageConfig, opts: ResolveOptions, contents: () => Promise<ResolvedEntry[]>): Promise<ResolvedEntry[]>;
  write(info: PackageInfo, outPath: string, options: PackageOptions & { forceZip64?: boolean }): Promise<void>;
}

/** Entry lists this packager planned: write() refuses install-layout contents passed by mistake. */
const planned = new WeakSet<ResolvedEntry[]>();

export const archivePackager: ArchivePackager = {
  format: 'archive',
  archName(platform: Platform) {
    return platform.arch;
  },
  fileName(info) {
    return archiveBaseName(info) + extensionOf(archiveSettings(info.config).formatFor(info.platform.os));
  },
  async resolveEntries(config, opts, contents) {
    const { files } = archiveSettings(config);
    const entries = files ? await resolveArchiveFiles(files, opts) : defaultArchiveEntries(await contents(), opts);
    planned.add(entries);
    return entries;
  },
  async write(info, outPath, options) {
    if (!planned.has(info.entries)) throw new Error('archive entries must come from archivePackager.resolveEntries (the build core did not call it)');
    const settings = archiveSettings(info.config);
    await writeArchive(settings.formatFor(info.platform.os), info.entries, outPath, {
      root: settings.wrapInDirectory ? archiveBaseName(info) : undefined,
      threads: options.threads ?? 1,
      forceZip64: options.forceZip64,
    });
  },
};

registerPackager(archivePackager);
