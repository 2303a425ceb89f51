import type { Platform } from '../config/types.js';
import { ConfigurationError } from '../core/errors.js';
import type { Packager } from '../packagers/types.js';

/**
 * The config's platforms this format can target, narrowed by an `arch` input. The input may use
 * Go names (amd64) or the format's own (x86_64, armhf): users think in either.
 */
export function selectPlatforms(all: Platform[], packager: Packager, arch: string[], file: string): Platform[] {
  const targetable = all.filter((p) => packager.archName(p) !== undefined);
  if (targetable.length === 0) {
    throw new ConfigurationError(`the config lists no platform a ${packager.format} package can be built for`, {
      location: { file, field: 'platforms' },
      fix: 'add e.g. {os: linux, arch: amd64} to platforms',
    });
  }
  if (arch.length === 0) return targetable;
  // Formats that target several OSes (archives) have one platform per OS for an arch: keep them all.
  const picked = arch.flatMap((a) => {
    const found = targetable.filter((p) => p.arch === a || packager.archName(p) === a);
    if (found.length === 0) {
      const names = targetable.map((p) => `${p.arch} (${packager.archName(p)})`).join(', ');
      throw new ConfigurationError(`arch "${a}" is not among the config's ${packager.format} platforms`, { location: { file, field: 'platforms' }, fix: `use one of ${names}, or add the platform to the config` });
    }
    return found;
  });
  return [...new Set(picked)];
}
