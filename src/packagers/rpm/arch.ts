import type { Arch } from '../../config/types.js';

/** Go architecture names to rpm's (FORMATS.md §0.2). */
export const RPM_ARCH: Record<Arch, string> = {
  amd64: 'x86_64',
  arm64: 'aarch64',
  arm: 'armv7hl',
  '386': 'i686',
};

/**
 * The `%{_isa}` suffix rpmbuild adds to a package's own provide (`servin(x86-64)`), so that
 * multilib-aware dependencies (`Requires: servin%{?_isa}`) resolve. noarch has none.
 */
export const RPM_ISA: Record<string, string> = {
  x86_64: 'x86-64',
  aarch64: 'aarch-64',
  armv7hl: 'armv7hl-32',
  i686: 'x86-32',
};
