import type { ActionDefinition, RunContext } from '../../core/run.js';
import type { GitPort } from '../../version/git.js';
import { DEFAULT_TAG_PREFIX } from '../../version/prefix.js';

/**
 * Builds the action around a git port, so tests can run it against a fake repository (default:
 * the real git). Only metadata here: the run loads from run.ts when it starts.
 */
export function makeDetectVersionAction(gitFor?: (ctx: RunContext) => GitPort): ActionDefinition {
  return {
    name: 'detect-version',
    description: 'Work out the release version from the pushed tag, git or a VERSION file, and print it in every package format.',
    inputs: {
      version: { description: 'The version to release (e.g. 1.2.3 or v1.2.3). When set it wins over every other source; leave empty to detect it.' },
      'tag-prefix': { description: 'What comes before the version in release tags, e.g. "v" for v1.2.3 or "cli/v" for cli/v1.2.3. With "v", bare 1.2.3 tags count too.', default: DEFAULT_TAG_PREFIX },
      source: {
        description: 'Where to look: auto (the pushed tag, then a tag on HEAD, then the version file, then a snapshot from the nearest tag), ref (only the pushed tag in GITHUB_REF), git (tag on HEAD, else snapshot), file (only the version file).',
        default: 'auto',
      },
      'version-file': { description: 'File whose first non-empty, non-# line is the version (relative to the workspace).', default: 'VERSION' },
      'allow-non-semver': { description: 'Accept a version that is not SemVer (e.g. 2024.01.05) as it is.', default: 'false', kind: 'boolean' },
      release: { description: 'Package release number: the Debian revision and the rpm Release.', default: '1' },
    },
    outputs: {
      version: { description: 'The version without prefix, e.g. 1.2.0-rc.1.' },
      major: { description: 'Major version number.' },
      minor: { description: 'Minor version number.' },
      patch: { description: 'Patch version number.' },
      prerelease: { description: 'The prerelease part (rc.1), empty for a stable release.' },
      'is-prerelease': { description: '"true" for a prerelease (including a snapshot of an untagged commit), else "false".' },
      'deb-version': { description: 'Debian Version, e.g. 1.2.0~rc.1-1.' },
      'rpm-version': { description: 'rpm Version, e.g. 1.2.0~rc.1.' },
      'rpm-release': { description: 'rpm Release, e.g. 1.' },
      'docker-tags': { description: 'JSON list of image tags, e.g. ["1.2.3","1.2","1","latest"].' },
      'previous-version': { description: 'The release to compare against: the highest earlier stable release for a stable release, the highest earlier release of any kind for a prerelease. Empty for the first release.' },
      'is-latest': { description: '"true" when this is the highest stable release.' },
      tag: { description: 'The release tag, e.g. v1.2.3 (empty for a snapshot of an untagged commit).' },
      source: { description: 'What supplied the version: input, ref, git or file.' },
    },
    async run(ctx) {
      return (await import('./run.js')).runDetectVersion(ctx, gitFor);
    },
  };
}

export const detectVersionAction = makeDetectVersionAction();
