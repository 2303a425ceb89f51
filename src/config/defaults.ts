import type { ArchivesConfig, ContentSpec, PackageConfig } from './types.js';

export const DEFAULT_RELEASE = 1;
export const DEFAULT_DEB_COMPRESSION = 'xz';
export const DEFAULT_RPM_COMPRESSION = 'zstd';
export const DEFAULT_ARCHIVE_NAME = '{{ .Name }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}';

/**
 * Fills in what the file may leave out. Runs only on validated data. Defaults land in the
 * top level, so an `overrides.deb.deb` block that sets only `section` keeps the default
 * compression (deb/rpm blocks merge key by key).
 */
export function applyDefaults(config: PackageConfig): PackageConfig {
  const out: PackageConfig = { ...config };
  out.release ??= DEFAULT_RELEASE;
  if (out.summary === undefined && typeof out.description === 'string') out.summary = firstLine(out.description);
  out.deb = { compression: DEFAULT_DEB_COMPRESSION, ...out.deb };
  out.rpm = { compression: DEFAULT_RPM_COMPRESSION, ...out.rpm };
  out.contents = withTypes(out.contents);
  out.archives = archiveDefaults(out.archives);
  if (out.overrides) {
    const overrides: NonNullable<PackageConfig['overrides']> = {};
    for (const [format, o] of Object.entries(out.overrides)) {
      if (o) overrides[format] = o.contents ? { ...o, contents: withTypes(o.contents) } : o;
    }
    out.overrides = overrides;
  }
  return out;
}

/** Files at the archive root, .tar.gz except on Windows (zip): what install scripts, Homebrew and WinGet expect. */
function archiveDefaults(a: ArchivesConfig | undefined): ArchivesConfig {
  return {
    name: DEFAULT_ARCHIVE_NAME,
    format: 'tar.gz',
    wrap_in_directory: false,
    ...a,
    format_overrides: { windows: 'zip', ...a?.format_overrides },
  };
}

function withTypes(contents: ContentSpec[]): ContentSpec[] {
  return contents.map((c) => ({ ...c, type: c.type ?? 'file' }));
}

function firstLine(s: string): string {
  return (
    s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l !== '') ?? s.trim()
  );
}
