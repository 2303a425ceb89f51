import '../packagers/deb/index.js';
import '../packagers/rpm/index.js';
import { writeFile, mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { buildPackages, type BuiltFile } from '../build/build-packages.js';
import { DEFAULT_CONFIG_PATH } from '../config/index.js';
import type { ActionDefinition } from '../core/run.js';
import { loadSigner, SIGNING_INPUTS, signerFromInputs, type Signer } from '../signing/index.js';
import { throwawayKey } from '../signing/throwaway.js';

/** The formats the pipeline builds, each into its own folder of the output directory. */
const FORMATS = ['deb', 'rpm'];

/**
 * Runs every channel that works without publishing on one config and writes everything into
 * one folder: what `npm start` does with the Servin example. Each new action adds its step here.
 * Without a signing key it signs with a throwaway key made for this run (and says so), so the
 * demo shows signed output; its public key is written next to the packages as KEY.asc.
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
    ...SIGNING_INPUTS,
  },
  outputs: { files: { description: 'JSON list of every file written.' } },
  async run({ io, inputs, env, cwd }) {
    const outputDir = inputs.required('output-dir');
    const workdir = inputs.required('working-directory');
    let signer: Signer | undefined;
    const makeSigner = async (date: Date) => {
      if (signer) return signer;
      signer = await signerFromInputs(inputs, { date, log: io });
      if (!signer) {
        io.warning('no signing-key given: signing with a throwaway key made for this run (its public key is KEY.asc); use a real key for releases');
        signer = await loadSigner(await throwawayKey('package-actions'), { date, log: io });
      }
      return signer;
    };
    const all: BuiltFile[] = [];
    for (const format of FORMATS) {
      const files = await buildPackages(
        { format, workdir, configPath: inputs.required('config'), version: inputs.string('version'), arch: [], outputDir: join(outputDir, format), dryRun: false, threads: inputs.integer('threads') ?? 0, allowExternalSrc: false, signer: makeSigner },
        { io, env, cwd },
      );
      all.push(...files);
    }
    const written = all.flatMap((f) => [f.path, ...(f.signature ? [f.signature] : [])]);
    if (signer) {
      const keyPath = join(resolve(cwd, workdir), outputDir, 'KEY.asc');
      await mkdir(resolve(keyPath, '..'), { recursive: true });
      await writeFile(keyPath, signer.publicKeyArmored);
      written.push(relative(cwd, keyPath).split('\\').join('/'));
      io.info(`public key: ${keyPath} (${signer.fingerprint})`);
    }
    await io.summaryFiles(`package-actions pipeline: ${all.length} packages in ${outputDir}`, all.map((f) => ({ name: f.path, size: f.size, sha256: f.sha256, status: f.signature ? 'signed (.asc)' : signer ? 'signed' : '' })));
    return { files: JSON.stringify(written) };
  },
};
