// Inputs and outputs every pull-request channel shares (Homebrew, WinGet, later Scoop,
// Chocolatey, AUR, MacPorts, Flathub), so they read and behave the same everywhere.
import { ConfigurationError } from '../core/errors.js';
import type { ActionIO } from '../core/io.js';
import type { Inputs, InputSpec, OutputSpec } from '../core/inputs.js';
import type { Identity, PrFlowResult } from './types.js';

export const PR_FLOW_INPUTS: Record<string, InputSpec> = {
  token: {
    description:
      'Token for the target repository, not the workflow\'s GITHUB_TOKEN (that one only writes to its own repository). Classic: public_repo scope (repo for a private target). Fine-grained: Contents and Pull requests: Read and write on the repository it pushes to; GitHub does not let fine-grained tokens open pull requests on other owners\' repositories.',
    kind: 'secret',
  },
  'fork-owner': { description: 'Account or organization that owns the fork when the token cannot push to the target (default: the token\'s user, e.g. a bot account).' },
  'committer-name': { description: 'Name of the commit\'s author and committer (default: the token\'s user).' },
  'committer-email': { description: 'Email of the commit\'s author and committer (with committer-name).' },
  'dry-run': { description: 'Read the target, print the files and the pull request it would open; write nothing.', default: 'false', kind: 'boolean' },
};

export const PR_FLOW_OUTPUTS: Record<string, OutputSpec> = {
  'pull-request-url': { description: 'Web URL of the pull request opened, updated or found merged (empty for a direct commit).' },
  'pull-request-number': { description: 'Number of that pull request (empty for a direct commit).' },
  branch: { description: 'Branch holding the commit (the base branch for a direct commit).' },
  'commit-sha': { description: 'Commit that carries the files (empty in a dry run that would make a new one).' },
  changed: { description: 'true when something was (or in a dry run would be) written; false when everything was up to date.' },
};

/** Inputs that say which release a channel describes. */
export const RELEASE_INPUTS: Record<string, InputSpec> = {
  'working-directory': { description: 'Directory the config and files paths are relative to.', default: '.' },
  config: { description: 'The package-actions config.', default: '.github/package-actions.yml' },
  version: { description: 'Version (e.g. detect-version\'s output); the tag is tag-prefix + version.' },
  tag: { description: 'Release tag, e.g. v1.2.3. Default: from version, else the pushed tag, else the config\'s version.' },
  'tag-prefix': { description: 'Prefix of release tags.', default: 'v' },
  repository: { description: 'owner/name of the repository whose release holds the archives (default: the workflow\'s).' },
  checksums: { description: 'Name of the release\'s checksums asset the sha256 values are read from.', default: 'SHA256SUMS' },
  files: { description: 'Instead of downloading the checksums asset: newline-separated paths or globs of the local archives to hash (e.g. build-archive\'s output).' },
};

export interface FlowInputs {
  token: string;
  forkOwner?: string;
  committer?: Identity;
  dryRun: boolean;
}

export function readFlowInputs(inputs: Inputs, io: ActionIO, action: string): FlowInputs {
  const token = inputs.secret('token');
  if (!token) {
    throw new ConfigurationError('input "token" is required', {
      fix: `${action} writes to another repository, which GITHUB_TOKEN cannot: create a personal access token (classic with public_repo, or fine-grained with Contents and Pull requests: Read and write on the target), store it as a secret and pass token: \${{ secrets.NAME }}`,
    });
  }
  io.setSecret(token);
  const name = inputs.string('committer-name');
  const email = inputs.string('committer-email');
  if ((name === undefined) !== (email === undefined)) {
    throw new ConfigurationError('committer-name and committer-email go together', { fix: 'set both, or neither (GitHub then uses the token\'s user)' });
  }
  return { token, forkOwner: inputs.string('fork-owner'), committer: name && email ? { name, email } : undefined, dryRun: inputs.boolean('dry-run') };
}

export function flowOutputs(r: PrFlowResult): Record<string, string> {
  return {
    'pull-request-url': r.pullRequest?.url ?? '',
    'pull-request-number': r.pullRequest ? String(r.pullRequest.number) : '',
    branch: r.branch,
    'commit-sha': r.commitSha,
    changed: String(r.changed),
  };
}
