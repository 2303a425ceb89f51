import type { ActionDefinition } from '../../core/run.js';
import { PR_FLOW_INPUTS, PR_FLOW_OUTPUTS, RELEASE_INPUTS } from '../../pr-flow/inputs.js';

export const submitWingetPrAction: ActionDefinition = {
  name: 'submit-winget-pr',
  description: 'Open a pull request on microsoft/winget-pkgs with the WinGet manifests of a release (portable zips): fork reused and synced first, installers checked, one version per pull request, reruns update it instead of opening another.',
  inputs: {
    ...RELEASE_INPUTS,
    'winget-repository': { description: 'owner/name of the repository to submit to (a mirror, or a test repository).', default: 'microsoft/winget-pkgs' },
    'verify-hashes': { description: 'Download every installer and compare its sha256 before submitting (HEAD requests always run).', default: 'false', kind: 'boolean' },
    ...PR_FLOW_INPUTS,
  },
  outputs: {
    'manifest-dir': { description: 'Folder of the manifests in the repository, e.g. manifests/s/Servin/Servin/0.9.2.' },
    ...PR_FLOW_OUTPUTS,
  },
  async run(ctx) {
    return (await import('./run.js')).runSubmitWingetPr(ctx);
  },
};
