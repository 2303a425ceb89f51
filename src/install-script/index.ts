// Install scripts attached to a GitHub release: install.sh (Linux, macOS; POSIX sh) and
// install.ps1 (Windows PowerShell 5.1 and PowerShell 7). Decisions both scripts share:
// - Every archive is checked against the release's SHA256SUMS before anything is unpacked;
//   a mismatch, a missing line or file, or (install.sh) no SHA-256 tool makes them refuse
//   with exit 1 and leave the install folder untouched.
// - --verify-signature / -VerifySignature also checks SHA256SUMS.asc with gpg in a throwaway
//   GNUPGHOME; the key is the release's publicKeyAsset, pinned to publicKeyFingerprint when
//   given (without a pin, a key swapped together with the signature would pass: the scripts
//   print the signer's fingerprint so users can compare).
// - Downloads come from <serverUrl>/<repo>/releases/download/<tag>/<file>; the environment
//   variable baseUrlVariable(name) replaces the part before /<tag>/ (mirrors, tests), so
//   --version still works against a mirror.
// - --version rebuilds the tag (tagPrefix + version + tagSuffix) and every file name by
//   replacing the release's version in it; the platform table is the current release's.
// - install.ps1 installs to %LOCALAPPDATA%\Programs\<name> and adds it to the user PATH by
//   default (a per-user folder is never on PATH otherwise); -NoModifyPath opts out.
export type { InstallScriptInput } from './types.js';
export { renderInstallSh } from './sh.js';
export { renderInstallPs1 } from './ps1.js';
export { baseUrlVariable } from './input.js';
export { assetName, installablePlatforms, selectAsset, type PlatformAsset } from './platforms.js';
