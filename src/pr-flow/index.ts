/** The shared pull-request flow of every manifest channel (Homebrew, WinGet, Scoop, Chocolatey, AUR, MacPorts, Flathub). */
export { runPrFlow, type FlowOptions } from './flow.js';
export { branchName, isValidBranchName, refComponent } from './naming.js';
export { decide, type Observed, type Plan } from './decide.js';
export { blobSha, treeSha, treeWithFiles, EMPTY_TREE, type TreeEntry, type TreeReader } from './git-tree.js';
export { PR_FLOW_INPUTS, PR_FLOW_OUTPUTS, RELEASE_INPUTS, readFlowInputs, flowOutputs, type FlowInputs } from './inputs.js';
export { releaseTag, releaseArchives, downloadUrl, type ArchiveAsset, type ReleaseTag } from './release.js';
export { releaseChecksums, localChecksums, pickChecksums, checkReachable, verifyDownloads } from './release-assets.js';
export { FlowRemote } from './remote.js';
export { loadChannelRelease, archivesWithChecksums, releasePage, releaseUrl, type ChannelRelease, type PricedArchive } from './channel.js';
export type * from './types.js';
