import type { Arch, PackageConfig, Platform } from '../config/types.js';
import { ConfigurationError } from '../core/errors.js';

/** The `Architecture` values we write (FORMATS.md 0.2); winget's `neutral` never fits a native CLI. */
export type WingetArch = 'x86' | 'x64' | 'arm' | 'arm64';

const BY_GO_ARCH: Readonly<Record<Arch, WingetArch>> = { amd64: 'x64', arm64: 'arm64', '386': 'x86', arm: 'arm' };

/** Installers are written in this order whatever order the config or the caller lists them in. */
export const ARCH_ORDER: readonly WingetArch[] = ['x86', 'x64', 'arm', 'arm64'];

/** winget's name for a platform's architecture, or undefined for a platform that is not windows. */
export function wingetArch(platform: Platform): WingetArch | undefined {
  return platform.os === 'windows' ? BY_GO_ARCH[platform.arch] : undefined;
}

/** The config's windows platforms with their winget architecture, in ARCH_ORDER; at least one. */
export function windowsPlatforms(config: PackageConfig, file = '(config)'): { platform: Platform; arch: WingetArch }[] {
  const found = new Map<WingetArch, Platform>();
  for (const platform of config.platforms ?? []) {
    const arch = wingetArch(platform);
    if (arch && !found.has(arch)) found.set(arch, platform);
  }
  if (found.size === 0) {
    throw new ConfigurationError('the config lists no windows platform, so there is no zip for WinGet to install', {
      location: { file, field: 'platforms' },
      fix: 'add { os: windows, arch: amd64 } (and arm64) to platforms and build their release archives, or drop the WinGet step',
    });
  }
  return ARCH_ORDER.filter((a) => found.has(a)).map((arch) => ({ platform: found.get(arch)!, arch }));
}
