import { ConfigurationError } from '../../core/errors.js';
import { textTable } from '../../core/format.js';
import type { RunContext } from '../../core/run.js';
import { detectVersion, SOURCES, type SourceMode } from '../../version/detect.js';
import { ExecGit, type GitPort } from '../../version/git.js';
import { DEFAULT_TAG_PREFIX } from '../../version/parse.js';

/** The work of detect-version (its metadata is in definition.ts); without `gitFor`, the real git in ctx.cwd. */
export async function runDetectVersion(ctx: RunContext, gitFor?: (ctx: RunContext) => GitPort): Promise<Record<string, string>> {
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
      git: gitFor ? gitFor(ctx) : new ExecGit(ctx.cwd, (m) => ctx.io.debug(m)),
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
}
