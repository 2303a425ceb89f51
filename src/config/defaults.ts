import type { ContentSpec, PackageConfig } from './types.js';

export const DEFAULT_RELEASE = 1;
export const DEFAULT_DEB_COMPRESSION = 'xz';
export const DEFAULT_RPM_COMPRESSION = 'zstd';

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
  if (out.overrides) {
    const overrides: NonNullable<PackageConfig['overrides']> = {};
    for (const [format, o] of Object.entries(out.overrides)) {
      if (o) overrides[format] = o.contents ? { ...o, contents: withTypes(o.contents) } : o;
    }
    out.overrides = overrides;
  }
  return out;
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
