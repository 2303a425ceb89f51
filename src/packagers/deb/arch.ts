import type { Arch } from '../../config/types.js';

/** Go architecture names to Debian's (FORMATS.md §0.2). */
export const DEB_ARCH: Record<Arch, string> = {
  amd64: 'amd64',
  arm64: 'arm64',
  arm: 'armhf',
  '386': 'i386',
};
