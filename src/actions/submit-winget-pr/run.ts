import { createHash } from 'node:crypto';
import { configFor } from '../../config/index.js';
import { createGitHubClient, parseRepository } from '../../github/client.js';
import {
  archivesWithChecksums, checkReachable, flowOutputs, FlowRemote, loadChannelRelease, readFlowInputs, releasePage, runPrFlow, verifyDownloads,
} from '../../pr-flow/index.js';
import { manifestDir, renderWingetManifests, wingetArch, wingetSettings, type WingetArch } from '../../winget/index.js';
import { wingetVersion } from '../../version/index.js';
import { wingetBody, wingetBranch, wingetTitle } from './pull-request.js';
import type { RunContext } from '../../core/run.js';

/** The work of submitWingetPrAction (its metadata is in definition.ts). */
export async function runSubmitWingetPr({ io, inputs, env, cwd }: RunContext): Promise<Record<string, string>> {
  const flow = readFlowInputs(inputs, io, 'submit-winget-pr');
  const target = parseRepository(inputs.required('winget-repository'), 'winget-repository');
  const rel = await loadChannelRelease(inputs, env, cwd);
  const config = configFor(rel.loaded, 'archive');
  const settings = wingetSettings(config, rel.loaded.file);
  const version = wingetVersion(rel.version);
  const archives = await io.group('Release archives and checksums', () => archivesWithChecksums(rel, ['windows'], inputs, io));
  const installers = archives.flatMap((a) => {
    const arch = wingetArch(a.platform);
    return arch ? [{ arch: arch as WingetArch, url: a.url, sha256: a.sha256 }] : [];
  });
  const verify = inputs.boolean('verify-hashes');
  await io.group('Check the installer URLs', async () => {
    await checkReachable(installers.map((i) => i.url), { fast: rel.fast, log: io });
    if (verify) await verifyDownloads(installers, { fast: rel.fast, log: io });
  });
  const client = createGitHubClient({ token: flow.token, env, log: io });
  const page = await releasePage(client, rel, io);
  const files = renderWingetManifests({ config, version: rel.version.version, releaseDate: page.date, releaseNotesUrl: page.url, installers, file: rel.loaded.file });
  const dir = manifestDir(settings.packageIdentifier, version);
  const packageDir = dir.slice(0, dir.lastIndexOf('/'));
  const remote = new FlowRemote(client);
  // The first submission of an identifier is a "New package" (pain 7: handled, not refused).
  const newPackage = !(await remote.exists(target, undefined, packageDir));
  if (newPackage) io.info(`${settings.packageIdentifier} is not in ${target.owner}/${target.repo} yet: this is its first submission ("New package")`);
  const submission = { identifier: settings.packageIdentifier, version, newPackage, releaseUrl: page.url, installers, verified: verify };
  const title = wingetTitle(submission);
  const result = await io.group(`Pull request on ${target.owner}/${target.repo}`, () =>
    runPrFlow(client, {
      target, files, branch: wingetBranch(settings.packageIdentifier, version), commitMessage: title, title, body: wingetBody(submission),
      pullRequest: true, forkOwner: flow.forkOwner, committer: flow.committer, dryRun: flow.dryRun,
    }, io, { fast: rel.fast }),
  );
  io.info(result.outcome);
  const note = result.pullRequest ? `${result.changed ? '' : 'unchanged: '}${result.pullRequest.url}` : result.outcome;
  await io.summaryFiles(`submit-winget-pr ${settings.packageIdentifier} ${version}${flow.dryRun ? ' (dry run: nothing written)' : ''}`,
    files.map((f) => ({ name: f.path, size: Buffer.byteLength(f.content), sha256: createHash('sha256').update(f.content).digest('hex'), status: result.changed ? (flow.dryRun ? 'dry-run' : 'written') : 'unchanged' })), note);
  return { 'manifest-dir': dir, ...flowOutputs(result) };
}
