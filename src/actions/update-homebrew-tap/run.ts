import { createHash } from 'node:crypto';
import { configFor } from '../../config/index.js';
import { createGitHubClient, parseRepository } from '../../github/client.js';
import { formulaPath, homebrewSettings, renderFormula, tapRepository } from '../../homebrew/index.js';
import {
  archivesWithChecksums, flowOutputs, FlowRemote, loadChannelRelease, readFlowInputs, releaseUrl, runPrFlow,
} from '../../pr-flow/index.js';
import { homebrewVersion } from '../../version/index.js';
import { homebrewBody, homebrewBranch, homebrewTitle } from './pull-request.js';
import type { RunContext } from '../../core/run.js';

/** The work of updateHomebrewTapAction (its metadata is in definition.ts). */
export async function runUpdateHomebrewTap({ io, inputs, env, cwd }: RunContext): Promise<Record<string, string>> {
  const flow = readFlowInputs(inputs, io, 'update-homebrew-tap');
  const rel = await loadChannelRelease(inputs, env, cwd);
  const config = configFor(rel.loaded, 'archive');
  const version = homebrewVersion(rel.version);
  const settings = homebrewSettings(config, { version, file: rel.loaded.file });
  const isHomebrew = (p: { os: string; arch: string }) => settings.platforms.some((h) => h.os === p.os && h.arch === p.arch);
  const archives = await io.group('Release archives and checksums', () => archivesWithChecksums(rel, ['darwin', 'linux'], inputs, io, isHomebrew));
  const formula = renderFormula({
    config, version, file: rel.loaded.file,
    assets: archives.map((a) => ({ os: a.platform.os as 'darwin' | 'linux', arch: a.platform.arch as 'amd64' | 'arm64', url: a.url, sha256: a.sha256 })),
  });
  const path = formulaPath(config);
  const tapInput = inputs.string('tap') ?? settings.tap ?? `${rel.repo.split('/')[0]}/homebrew-tap`;
  const tap = parseRepository(tapRepository(tapInput), 'tap');
  const client = createGitHubClient({ token: flow.token, env, log: io });
  const newFormula = !(await new FlowRemote(client).exists(tap, undefined, path));
  const update = {
    formula: settings.formulaName, version, newFormula, tap: `${tap.owner}/${tap.repo}`, releaseUrl: releaseUrl(rel),
    platforms: settings.platforms.map((p) => `${p.os}/${p.arch}`),
  };
  const title = homebrewTitle(update);
  const result = await io.group(`${path} in ${tap.owner}/${tap.repo}`, () =>
    runPrFlow(client, {
      target: tap, files: [{ path, content: formula }], branch: homebrewBranch(settings.formulaName, version), commitMessage: title, title, body: homebrewBody(update),
      pullRequest: inputs.boolean('pull-request'), forkOwner: flow.forkOwner, committer: flow.committer, dryRun: flow.dryRun,
    }, io, { fast: rel.fast }),
  );
  io.info(result.outcome);
  const note = result.pullRequest ? `${result.changed ? '' : 'unchanged: '}${result.pullRequest.url}` : result.outcome;
  await io.summaryFiles(`update-homebrew-tap ${settings.formulaName} ${version}${flow.dryRun ? ' (dry run: nothing written)' : ''}`, [{
    name: `${tap.owner}/${tap.repo}/${path}`, size: Buffer.byteLength(formula), sha256: createHash('sha256').update(formula).digest('hex'),
    status: result.changed ? (flow.dryRun ? 'dry-run' : 'written') : 'unchanged',
  }], note);
  return { formula, 'formula-path': path, ...flowOutputs(result) };
}
