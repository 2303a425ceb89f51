// Every action's metadata, from one module: the CLI and each action entry import them from here,
// so the bundle holds them in one small chunk that every entry shares (one file to load) rather
// than a chunk per action. The runs are not here: each definition imports its run on use.
export { buildArchiveAction } from './build-archive/definition.js';
export { buildDebAction } from './build-deb/definition.js';
export { buildRpmAction } from './build-rpm/definition.js';
export { detectVersionAction } from './detect-version/definition.js';
export { publishReleaseAction } from './publish-release/definition.js';
export { submitWingetPrAction } from './submit-winget-pr/definition.js';
export { updateHomebrewTapAction } from './update-homebrew-tap/definition.js';
