import { ConfigurationError } from '../../core/errors.js';
import { textTable } from '../../core/format.js';
import type { ActionDefinition, RunContext } from '../../core/run.js';
import { detectVersion, SOURCES, type SourceMode } from '../../version/detect.js';
import { ExecGit, type GitPort } from '../../version/git.js';
import { DEFAULT_TAG_PREFIX } from '../../version/parse.js';

/** Builds the action around a git port, so tests can run it against a fake repository. */
export function makeDetectVersionAction(gitFor: (ctx: RunContext) => GitPort = (ctx) => new ExecGit(ctx.cwd, (m) => ctx.io.debug(m))): ActionDefinition {
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
      const source = ctx.inputs.string('source') ?? 'auto';
      if (!(SOURCES as readonly string[]).includes(source)) {
        throw new ConfigurationError(`input "source" must be one of ${SOURCES.join(', ')}, not "${source}"`, { fix: 'write source: auto' });
      }
      return ctx.io.group('Detect version', async () => {
        const d = await detectVersion({
          version: ctx.inputs.string('version'),
          tagPrefix: ctx.inputs.string('tag-prefix') ?? DEFAULT_TAG_PREFIX,
          source: source as SourceMode,
          versionFile: ctx.inputs.string('version-file') ?? 'VERSION',
          allowNonSemver: ctx.inputs.boolean('allow-non-semver'),
          release: ctx.inputs.string('release') ?? '1',
          env: ctx.env,
          cwd: ctx.cwd,
          git: gitFor(ctx),
          log: ctx.io,
        });
        const v = d.parsed;
        const outputs: Record<string, string> = {
          version: v.version,
          major: String(v.major),
          minor: String(v.minor),
          patch: String(v.patch),
          prerelease: v.prerelease,
          'is-prerelease': String(v.isPrerelease),
          'deb-version': d.debVersion,
          'rpm-version': d.rpm.version,
          'rpm-release': d.rpm.release,
          'docker-tags': JSON.stringify(d.dockerTags),
          'previous-version': d.previousVersion,
          'is-latest': String(d.isLatest),
          tag: d.tag,
          source: d.origin,
        };
        ctx.io.info(textTable(['output', 'value'], Object.entries(outputs)));
        return outputs;
      });
    },
  };
}

export const detectVersionAction = makeDetectVersionAction();
