import type { Platform } from '../../config/types.js';
import { DEFAULT_RPM_COMPRESSION } from '../../config/defaults.js';
import { ConfigurationError } from '../../core/errors.js';
import { rpmVersion } from '../../version/formats.js';
import { registerPackager } from '../registry.js';
import type { PackageInfo, PackageOptions, Packager } from '../types.js';
import { RPM_ARCH } from './arch.js';
import { checkFiles, ownedEntries } from './files.js';
import type { RpmCompression } from './main-header.js';
import { readRpmScripts } from './scriptlets.js';
import { writeRpm } from './writer.js';
import { parseCompression } from '../compression-setting.js';

/** rpm's rule for Name (rpmCharCheck): letters, digits and `-._+`, not starting with `-` or `.`. */
const NAME = /^[A-Za-z0-9_+][A-Za-z0-9._+-]*$/;

/**
 * Default payload compression levels (written to PAYLOADFLAGS); `rpm.compression: zstd:19` and
 * the like choose another. gzip 9 and xz 6 are the tools' own defaults; zstd 9 keeps most of
 * level 19's ratio (Fedora's rpm default) at about 30× its speed.
 */
export const RPM_LEVELS: Record<RpmCompression, number> = { gzip: 9, xz: 6, zstd: 9 };

function versionOf(info: PackageInfo) {
  return rpmVersion(info.version, { release: info.config.release });
}

function epochOf(info: PackageInfo): number | undefined {
  const e = info.config.epoch;
  if (e === undefined) return undefined;
  if (!Number.isInteger(e) || e < 0) throw new ConfigurationError(`epoch "${e}" is not a whole number`, { location: { file: info.file, field: 'epoch' }, fix: 'set epoch to a whole number such as 1' });
  return e > 0 ? e : undefined;
}

function underPrefix(path: string, prefixes: string[]): boolean {
  return prefixes.some((p) => {
    const base = p.replace(/\/+$/, '');
    return path === base || path.startsWith(`${base}/`);
  });
}

export const rpmPackager: Packager = {
  format: 'rpm',
  signsInside: true,
  archName(platform: Platform) {
    return platform.os === 'linux' ? RPM_ARCH[platform.arch] : undefined;
  },
  fileName(info) {
    const { version, release } = versionOf(info);
    return `${info.config.name}-${version}-${release}.${this.archName(info.platform)}.rpm`;
  },
  async write(info: PackageInfo, outPath: string, options: PackageOptions) {
    const { config } = info;
    if (!NAME.test(config.name)) {
      throw new ConfigurationError(`"${config.name}" is not a valid rpm package name`, { location: { file: info.file, field: 'name' }, fix: 'use letters, digits and - . _ + (not starting with - or .)' });
    }
    const arch = this.archName(info.platform);
    if (!arch) throw new Error(`rpm cannot target ${info.platform.os}`);
    const { version, release } = versionOf(info);
    const files = ownedEntries(info.entries, config.name);
    checkFiles(files, info.file);
    const prefixes = config.rpm?.prefixes ?? [];
    const outside = prefixes.length ? files.find((e) => !underPrefix(e.path, prefixes)) : undefined;
    if (outside) {
      throw new ConfigurationError(`"${outside.path}" is outside every relocatable prefix (${prefixes.join(', ')})`, { location: { file: info.file, field: 'rpm.prefixes' }, fix: 'add a prefix that contains it, or install it below one of the prefixes' });
    }
    const setting = parseCompression(config.rpm?.compression ?? DEFAULT_RPM_COMPRESSION, { ...RPM_LEVELS, none: 0 }, info.file, 'rpm.compression');
    const compression = setting.kind as RpmCompression;
    const extra = await readRpmScripts(config.rpm?.scripts, info.baseDir ?? process.cwd(), info.file);
    return writeRpm(
      {
        config,
        name: config.name,
        epoch: epochOf(info),
        version,
        release,
        arch,
        files,
        scripts: { ...info.scripts, ...extra },
        compression,
        level: setting.level,
        buildTime: info.mtime,
        file: info.file,
        threads: options.threads ?? 1,
        signer: options.signer,
      },
      outPath,
    );
  },
};

registerPackager(rpmPackager);
