import type { Platform } from '../config/types.js';

/** What publish-release knows about a release when it generates install.sh and install.ps1. */
export interface InstallScriptInput {
  /** Package / binary name, e.g. servin. */
  name: string;
  /** Version without a leading v, e.g. 0.9.2. */
  version: string;
  /** Release tag, e.g. v0.9.2; must contain the version (how --version rebuilds other tags). */
  tag: string;
  /** owner/name. */
  repo: string;
  /** GITHUB_SERVER_URL: https://github.com, a GHES host, or a stand-in in tests. */
  serverUrl: string;
  /** From the config; a platform is offered only when its archive is also among `assets`. */
  platforms: Platform[];
  /** Asset names in the release (archives, SHA256SUMS, SHA256SUMS.asc, the public key). */
  assets: string[];
  /** Executables at the root of each archive ('.exe' is added on windows). */
  binaries: string[];
  /** The release's public key (e.g. KEY.asc), for --verify-signature. */
  publicKeyAsset?: string;
  /**
   * Fingerprint the signing key must have. Without it, --verify-signature trusts whatever key
   * the release (or mirror) serves; with it, a swapped key is refused.
   */
  publicKeyFingerprint?: string;
  /** Checksums file in sha256sum format (default SHA256SUMS); its signature is `<name>.asc`. */
  checksumsAsset?: string;
}
