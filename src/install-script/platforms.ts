// Which release archive an install script downloads for a machine. The same tables generate
// the `case`/`switch` statements both scripts embed, so the TypeScript rule and the scripts agree.
import { ARCHES, OSES, type Arch, type Os, type Platform } from '../config/types.js';

/** What the scripts read from the machine, mapped to Go's names (the names in asset file names). */
export const UNAME_OS: Readonly<Record<string, Os>> = { Linux: 'linux', Darwin: 'darwin' };

/** `uname -m` values (glob patterns, as `case` takes them) → Go arch. */
export const UNAME_ARCH: readonly { patterns: readonly string[]; arch: Arch }[] = [
  { patterns: ['x86_64', 'amd64'], arch: 'amd64' },
  { patterns: ['aarch64', 'arm64'], arch: 'arm64' },
  // armv8l is a 32-bit userland on a 64-bit CPU: it runs arm binaries, not arm64 ones.
  { patterns: ['armv6*', 'armv7*', 'armv8l'], arch: 'arm' },
  { patterns: ['i386', 'i486', 'i586', 'i686', 'x86'], arch: '386' },
];

/**
 * Windows: RuntimeInformation.OSArchitecture (X64, Arm64, X86, Arm) and PROCESSOR_ARCHITECTURE
 * (AMD64, ARM64, x86) values → Go arch. Keys are unique ignoring case: PowerShell compares so.
 */
export const WINDOWS_ARCH: Readonly<Record<string, Arch>> = { AMD64: 'amd64', X64: 'amd64', ARM64: 'arm64', X86: '386', ARM: 'arm' };

/** Archive format per OS, as the archive packager writes them by default. */
export function archiveExtension(os: Os): string {
  return os === 'windows' ? '.zip' : '.tar.gz';
}

/** `{name}_{version}_{os}_{arch}.tar.gz` (`.zip` on windows): the archive packager's naming convention. */
export function assetName(name: string, version: string, os: Os, arch: Arch): string {
  return `${name}_${version}_${os}_${arch}${archiveExtension(os)}`;
}

export interface AssetSelectionInput {
  name: string;
  version: string;
  platforms: Platform[];
  assets: string[];
}

const isOs = (s: string): s is Os => (OSES as readonly string[]).includes(s);
const isArch = (s: string): s is Arch => (ARCHES as readonly string[]).includes(s);

/**
 * The asset an install script downloads on os/arch (Go names): the conventional archive name,
 * only when the config lists that platform AND the release actually has the file.
 */
export function selectAsset(input: AssetSelectionInput, os: string, arch: string): string | undefined {
  if (!isOs(os) || !isArch(arch)) return undefined;
  if (!input.platforms.some((p) => p.os === os && p.arch === arch)) return undefined;
  const wanted = assetName(input.name, input.version, os, arch);
  return input.assets.includes(wanted) ? wanted : undefined;
}

export interface PlatformAsset extends Platform {
  asset: string;
}

/** Every platform the release can install on, for the given OSes, in the fixed OSES × ARCHES order. */
export function installablePlatforms(input: AssetSelectionInput, oses: readonly Os[] = OSES): PlatformAsset[] {
  const out: PlatformAsset[] = [];
  for (const os of OSES) {
    if (!oses.includes(os)) continue;
    for (const arch of ARCHES) {
      const asset = selectAsset(input, os, arch);
      if (asset) out.push({ os, arch, asset });
    }
  }
  return out;
}
