// Install scripts attached to a GitHub release: install.sh (Linux, macOS) and install.ps1
// (Windows). Both check every download against the release's SHA256SUMS and fail closed.
export type { InstallScriptInput } from './types.js';
export { renderInstallSh } from './sh.js';
export { renderInstallPs1 } from './ps1.js';
export { baseUrlVariable } from './input.js';
export { assetName, installablePlatforms, selectAsset, type PlatformAsset } from './platforms.js';
