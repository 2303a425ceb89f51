import '../packagers/deb/index.js';
import { join } from 'node:path';
import { buildPackages, type BuiltFile } from '../build/build-packages.js';
import { DEFAULT_CONFIG_PATH } from '../config/index.js';
import type { ActionDefinition } from '../core/run.js';

/** The formats the pipeline builds, each into its own folder of the output directory. */
const FORMATS = ['deb'];

/**
 * Runs every channel that works without publishing on one config and writes everything into
 * one folder: what `npm start` does with the Servin example. Each new action adds its step here.
 */
export const pipelineCommand: ActionDefinition = {
  name: 'pipeline',
  description: 'Build everything the config describes into one output folder (no publishing).',
  inputs: {
    'working-directory': { description: 'Directory the config, its paths and output-dir are relative to.', default: '.' },
    config: { description: 'Path of the package-actions config file.', default: DEFAULT_CONFIG_PATH },
    version: { description: 'Version to build; default: `version:` in the config.' },
    'output-dir': { description: 'Folder everything is written to.', default: 'out' },
    threads: { description: 'Worker threads for compression; 0 means one per CPU core.', default: '0', kind: 'integer' },
  },
  outputs: { files: { description: 'JSON list of every file written.' } },
  async run({ io, inputs, env, cwd }) {
    const outputDir = inputs.required('output-dir');
    const workdir = inputs.required('working-directory');
    const all: BuiltFile[] = [];
    for (const format of FORMATS) {
      const files = await buildPackages(
        { format, workdir, configPath: inputs.required('config'), version: inputs.string('version'), arch: [], outputDir: join(outputDir, format), dryRun: false, threads: inputs.integer('threads') ?? 0, allowExternalSrc: false },
        { io, env, cwd },
      );
      all.push(...files);
    }
    await io.summaryFiles(`package-actions pipeline: ${all.length} files in ${outputDir}`, all.map((f) => ({ name: f.path, size: f.size, sha256: f.sha256 })));
    return { files: JSON.stringify(all.map((f) => f.path)) };
  },
};
