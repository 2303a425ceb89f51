import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../../config/index.js';
import { ConfigurationError, ExternalError } from '../../core/errors.js';
import { createGitHubClient, parseRepository } from '../../github/client.js';
import { preflightRepo } from '../../github/preflight.js';
import { localAssets } from '../../release/local-files.js';
import { publishRelease, summaryRows } from '../../release/publish.js';
import { ReleaseRemote } from '../../release/remote.js';
import { signatureDate, signerFromInputs } from '../../signing/index.js';
import { parseVersion } from '../../version/index.js';
import type { RunContext } from '../../core/run.js';
import { TOKEN_DEFAULT } from './token.js';

/** The tag and version: the tag input, else the version input with the prefix, else the pushed tag. */
function tagAndVersion(tagInput: string | undefined, versionInput: string | undefined, prefix: string, env: NodeJS.ProcessEnv) {
  const ref = env.GITHUB_REF?.startsWith('refs/tags/') ? env.GITHUB_REF.slice('refs/tags/'.length) : undefined;
  const tag = tagInput ?? (versionInput ? `${prefix}${versionInput.replace(/^v/, '')}` : ref);
  if (!tag) throw new ConfigurationError('no release tag', { fix: 'run on a tag push, or pass tag: v1.2.3 or version: 1.2.3 (e.g. from detect-version)' });
  const v = parseVersion(versionInput ?? tag, { tagPrefix: prefix, allowNonSemver: true });
  return { tag, version: v.version, isPrerelease: v.isPrerelease };
}

/** The work of publishReleaseAction (its metadata is in definition.ts). */
export async function runPublishRelease({ io, inputs, env, cwd }: RunContext): Promise<Record<string, string>> {
  const workdir = resolve(cwd, inputs.required('working-directory'));
  const dryRun = inputs.boolean('dry-run');
  const rawToken = inputs.secret('token');
  const token = rawToken && rawToken !== TOKEN_DEFAULT ? rawToken : env.GITHUB_TOKEN ?? '';
  if (token) io.setSecret(token);
  const { owner, repo } = parseRepository(inputs.string('repository') ?? env.GITHUB_REPOSITORY);
  const { tag, version, isPrerelease } = tagAndVersion(inputs.string('tag'), inputs.string('version'), inputs.required('tag-prefix'), env);
  const bool3 = (name: string) => {
    const v = inputs.string(name);
    if (v === undefined) return undefined;
    if (v !== 'true' && v !== 'false') throw new ConfigurationError(`input "${name}" must be true, false or empty, not "${v}"`);
    return v === 'true';
  };
  const configPath = resolve(workdir, inputs.required('config'));
  const config = existsSync(configPath) ? (await loadConfig(configPath, { cwd: workdir, displayRoot: env.GITHUB_WORKSPACE ?? cwd })).config : undefined;
  const files = await io.group('Hash the files', async () => {
    const f = await localAssets(inputs.list('files'), workdir);
    for (const a of f) if (a.renamed) io.warning(`${a.path}: GitHub names this asset "${a.name}"`);
    return f;
  });
  const bodyFile = inputs.string('body-file');
  const body = bodyFile ? await readFile(resolve(workdir, bodyFile), 'utf8') : inputs.string('body') ?? '';
  const signer = inputs.boolean('sign') ? await signerFromInputs(inputs, { date: signatureDate(env), log: io }) : undefined;
  const client = createGitHubClient({ token, env, log: io });
  await preflightRepo(client, owner, repo, dryRun ? 'read' : 'write');
  const remote = new ReleaseRemote(client, owner, repo, env.PACKAGE_ACTIONS_FAST_RETRIES === '1', (why) => io.warning(`retrying: ${why}`));
  const result = await publishRelease(remote, {
    tag, version, isPrerelease, name: inputs.string('name') ?? tag, body, generateNotes: inputs.boolean('generate-notes'), draft: inputs.boolean('draft'),
    prerelease: bool3('prerelease'), makeLatest: bool3('make-latest'), target: inputs.string('target') ?? env.GITHUB_SHA, files,
    checksumsName: inputs.required('checksums'), signer, signFiles: inputs.boolean('sign-files'), publicKeyName: inputs.required('public-key-name'),
    installScript: inputs.boolean('install-script'), config, repo: `${owner}/${repo}`, serverUrl: client.serverUrl, dryRun,
    tempDir: env.RUNNER_TEMP ? resolve(env.RUNNER_TEMP, `package-actions-${process.pid}`) : undefined,
  }, io);
  const failed = result.results.filter((r) => r.outcome === 'failed');
  await io.summaryFiles(`publish-release ${tag}${dryRun ? ' (dry run: nothing written)' : ''}`, summaryRows(result.results, result.assets), failed.length ? `${failed.length} asset(s) did not land; the release was not published. Rerun the job: identical assets are skipped.` : result.release ? `release: ${result.release.htmlUrl}` : undefined);
  if (failed.length) throw new ExternalError(`${failed.length} upload(s) failed after retries (${failed.map((f) => `${f.local.name}: ${f.error}`).join('; ')}); the release was left unpublished: rerun to complete it`);
  return {
    'release-id': result.release ? String(result.release.id) : '',
    'html-url': result.release?.htmlUrl ?? '',
    'upload-url': result.release?.uploadUrl ?? '',
    assets: JSON.stringify(result.assets),
    tag,
  };
}
