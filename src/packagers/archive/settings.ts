import { renderTemplate } from '../../config/template.js';
import { DEFAULT_ARCHIVE_NAME } from '../../config/defaults.js';
import type { ArchiveFileSpec, ArchiveFormat, Os, PackageConfig } from '../../config/types.js';
import { ConfigurationError } from '../../core/errors.js';
import type { PackageInfo } from '../types.js';

export interface ArchiveSettings {
  name: string;
  wrapInDirectory: boolean;
  files?: ArchiveFileSpec[];
  formatFor(os: Os): ArchiveFormat;
}

/** The `archives` block with its defaults (applyDefaults fills them too; this also covers hand-made configs). */
export function archiveSettings(config: PackageConfig): ArchiveSettings {
  const a = config.archives ?? {};
  const format = a.format ?? 'tar.gz';
  const overrides: Partial<Record<Os, ArchiveFormat>> = { windows: 'zip', ...a.format_overrides };
  return {
    name: a.name ?? DEFAULT_ARCHIVE_NAME,
    wrapInDirectory: a.wrap_in_directory ?? false,
    files: a.files,
    formatFor: (os) => overrides[os] ?? format,
  };
}

// Characters Windows refuses in file names, and control characters: the archive is a release
// asset that users download on every OS.
const BAD_CHARS = '/\\<>:"|?*';
const isBadName = (name: string) => [...name].some((c) => BAD_CHARS.includes(c) || c.charCodeAt(0) < 0x20);

/** The rendered `archives.name` for one platform: the file name without its extension. */
export function archiveBaseName(info: PackageInfo): string {
  const { config, platform } = info;
  const vars = { Name: config.name, Version: info.version.version, Release: config.release, Os: platform.os, Arch: platform.arch };
  const name = renderTemplate(archiveSettings(config).name, vars, 'archives.name');
  if (name === '' || name === '.' || name === '..' || isBadName(name) || name.endsWith('.') || name.endsWith(' ')) {
    throw new ConfigurationError(`archives.name renders to "${name}" for ${platform.os}/${platform.arch}, which is not a portable file name`, {
      location: { file: info.file, field: 'archives.name' },
      fix: 'use letters, digits, . _ - and + only, e.g. "{{ .Name }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}" (the extension is added)',
    });
  }
  return name;
}

export function extensionOf(format: ArchiveFormat): string {
  return format === 'zip' ? '.zip' : '.tar.gz';
}
