import type { ActionDefinition } from '../../core/run.js';
import { PR_FLOW_INPUTS, PR_FLOW_OUTPUTS, RELEASE_INPUTS } from '../../pr-flow/inputs.js';

export const updateHomebrewTapAction: ActionDefinition = {
  name: 'update-homebrew-tap',
  description: 'Write the Homebrew formula of a release (every macOS and Linux platform, each with its own url and sha256) to a tap: committed directly when the token may push, else through a pull request from a synced fork; reruns change nothing when nothing changed.',
  inputs: {
    ...RELEASE_INPUTS,
    tap: { description: 'Tap repository, owner/homebrew-name (default: the config\'s homebrew.tap, else <owner of repository>/homebrew-tap).' },
    'pull-request': { description: 'When the token may push to the tap: commit to a branch and open a pull request instead of committing onto its default branch.', default: 'false', kind: 'boolean' },
    ...PR_FLOW_INPUTS,
  },
  outputs: {
    formula: { description: 'The formula\'s Ruby source.' },
    'formula-path': { description: 'Its path in the tap, e.g. Formula/servin.rb.' },
    ...PR_FLOW_OUTPUTS,
  },
  async run(ctx) {
    return (await import('./run.js')).runUpdateHomebrewTap(ctx);
  },
};
