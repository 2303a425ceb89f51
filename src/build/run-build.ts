import type { RunContext } from '../core/run.js';
import { signerFromInputs } from '../signing/index.js';
import { buildPackages, type BuiltFile } from './build-packages.js';

export function buildOutputs(files: BuiltFile[]): Record<string, string> {
  return {
    files: JSON.stringify(files.map((f) => f.path)),
    file: files.length === 1 ? (files[0]?.path ?? '') : '',
    sha256: JSON.stringify(Object.fromEntries(files.map((f) => [f.path, f.sha256]))),
  };
}

/** The work of a package-building action (see buildAction in build-action.ts). */
export async function runBuild({ io, inputs, env, cwd }: RunContext, name: string, format: string, options: { signing?: boolean }): Promise<Record<string, string>> {
  let publicKey = '';
  const signer = options.signing
    ? async (date: Date) => {
        const s = await signerFromInputs(inputs, { date, log: io });
        publicKey = s?.publicKeyArmored ?? '';
        return s;
      }
    : undefined;
  const dryRun = inputs.boolean('dry-run');
  const files = await buildPackages(
    {
      format,
      workdir: inputs.required('working-directory'),
      configPath: inputs.required('config'),
      version: inputs.string('version'),
      arch: inputs.list('arch'),
      outputDir: inputs.required('output-dir'),
      dryRun,
      threads: inputs.integer('threads') ?? 0,
      allowExternalSrc: inputs.boolean('allow-external-src'),
      signer,
    },
    { io, env, cwd },
  );
  await io.summaryFiles(`${name}: ${files.length} package${files.length === 1 ? '' : 's'}${dryRun ? ' (dry run, nothing written)' : ''}`, files.map((f) => ({ name: f.path, size: f.size, sha256: f.sha256, status: dryRun ? 'dry-run' : 'built' })));
  const outputs = buildOutputs(files);
  if (!options.signing) return outputs;
  return { ...outputs, signatures: JSON.stringify(files.flatMap((f) => (f.signature ? [f.signature] : []))), 'public-key': publicKey };
}
