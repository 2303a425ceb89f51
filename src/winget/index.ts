/** WinGet multi-file manifests for microsoft/winget-pkgs (issue #5 §3): what submit-winget-pr commits. */
export { renderWingetManifests, type ManifestFile, type WingetInput, type WingetInstaller } from './render.js';
export { wingetSettings, type WingetSettings } from './settings.js';
export { DEFAULT_LOCALE, IDENTIFIER_PATTERN, MANIFEST_VERSION, checkIdentifier, identifierProblem, manifestDir, manifestFileNames } from './paths.js';
export { ARCH_ORDER, windowsPlatforms, wingetArch, type WingetArch } from './arch.js';
export { manifestYaml, needsQuotes } from './yaml.js';
