import type { Platform } from '../../config/types.js';
import { ConfigurationError } from '../../core/errors.js';
import { debVersion } from '../../version/formats.js';
import { registerPackager } from '../registry.js';
import type { PackageInfo, PackageOptions, Packager } from '../types.js';
import { DEB_ARCH } from './arch.js';
import { installedSizeKiB, renderControl } from './control.js';
import { writeDeb } from './writer.js';
import { DEFAULT_DEB_COMPRESSION } from '../../config/defaults.js';
import { parseCompression } from '../compression-setting.js';

/** Default levels: dpkg-deb's own (gzip 9, xz 6, zstd 3); `deb.compression: zstd:19` picks another. */
export const DEB_LEVELS = { gzip: 9, xz: 6, zstd: 3, none: 0 };

const NAME = /^[a-z0-9][a-z0-9+.-]+$/;

function version(info: PackageInfo): string {
  return debVersion(info.version, { release: info.config.release, epoch: info.config.epoch });
}

export const debPackager: Packager = {
  format: 'deb',
  archName(platform: Platform) {
    return platform.os === 'linux' ? DEB_ARCH[platform.arch] : undefined;
  },
  fileName(info) {
    // Debian's convention drops the epoch from file names.
    return `${info.config.name}_${version(info).replace(/^\d+:/, '')}_${this.archName(info.platform)}.deb`;
  },
  async write(info: PackageInfo, outPath: string, options: PackageOptions) {
    const { config } = info;
    if (!NAME.test(config.name)) {
      throw new ConfigurationError(`"${config.name}" is not a valid Debian package name`, { location: { file: info.file, field: 'name' }, fix: 'use lowercase letters, digits and + . - (at least two characters, starting with a letter or digit)' });
    }
    const architecture = this.archName(info.platform);
    if (!architecture) throw new Error(`deb cannot target ${info.platform.os}`);
    const control = renderControl({ config, version: version(info), architecture, installedSize: installedSizeKiB(info.entries), file: info.file });
    const { kind, level } = parseCompression(config.deb?.compression ?? DEFAULT_DEB_COMPRESSION, DEB_LEVELS, info.file, 'deb.compression');
    return writeDeb({ entries: info.entries, scripts: info.scripts, mtime: info.mtime, compression: kind, level, threads: options.threads ?? 1, control }, outPath);
  },
};

registerPackager(debPackager);
