import type { PackageConfig, Platform } from '../config/types.js';

/**
 * The programs a config installs: regular files `contents` puts into a bin or sbin directory
 * (entries limited to one packager are left out, and with a platform, entries for other arches).
 * Install scripts, Homebrew formulae and default release archives all take their programs from here.
 */
export function contentPrograms(config: PackageConfig, platform?: Platform, render: (value: string, field: string) => string = (v) => v): string[] {
  const programs = new Set<string>();
  (config.contents ?? []).forEach((c, i) => {
    if ((c.type ?? 'file') !== 'file' || c.packager !== undefined) return;
    if (platform && c.arch && !c.arch.includes(platform.arch)) return;
    const m = /\/s?bin\/([^/]+)$/.exec(render(c.dst, `contents[${i}].dst`));
    if (m) programs.add(m[1] as string);
  });
  return [...programs].sort();
}
