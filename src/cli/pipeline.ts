import { DEFAULT_CONFIG_PATH } from '../config/default-path.js';
import type { ActionDefinition } from '../core/run.js';
import { SIGNING_INPUTS } from '../signing/inputs.js';

/**
 * Runs every channel that works without publishing on one config and writes everything into
 * one folder: what `npm start` does with the Servin example. Each new action adds its step here.
 * Without a signing key it signs with a throwaway key made for this run (and says so), so the
 * demo shows signed output; its public key is written next to the packages as KEY.asc.
 *
 * Only metadata here: the run (everything it imports) loads from pipeline-run.ts when it starts.
 */
export const pipelineCommand: ActionDefinition = {
  name: 'pipeline',
  description: 'Build everything the config describes into one output folder (no publishing).',
  inputs: {
    'working-directory': { description: 'Directory the config, its paths and output-dir are relative to.', default: '.' },
    config: { description: 'Path of the package-actions config file.', default: DEFAULT_CONFIG_PATH },
    version: { description: 'Version to build; default: `version:` in the config.' },
    'output-dir': { description: 'Folder everything is written to.', default: 'out' },
    repository: { description: 'owner/name the install scripts download from (default: GITHUB_REPOSITORY).' },
    'server-url': { description: 'GitHub (or GHES) web address for the install scripts (default: GITHUB_SERVER_URL, else https://github.com).' },
    threads: { description: 'Worker threads for compression; 0 means one per CPU core.', default: '0', kind: 'integer' },
    ...SIGNING_INPUTS,
  },
  outputs: { files: { description: 'JSON list of every file written.' } },
  async run(ctx) {
    return (await import('./pipeline-run.js')).runPipeline(ctx);
  },
};
