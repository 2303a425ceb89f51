// Only metadata here: the CLI and action.yml generation load every definition, so the work
// (config, packagers, compressors) is imported when run() is called, from run-build.ts.
import { DEFAULT_CONFIG_PATH } from '../config/default-path.js';
import type { InputSpec, OutputSpec } from '../core/inputs.js';
import type { ActionDefinition } from '../core/run.js';
import { SIGNING_INPUTS } from '../signing/inputs.js';

/** Inputs every package-building action shares (build-deb, build-rpm, ...). */
export const BUILD_INPUTS: Record<string, InputSpec> = {
  'working-directory': { description: 'Directory the config path, contents `src` paths, scripts and output-dir are relative to.', default: '.' },
  config: { description: 'Path of the package-actions config file.', default: DEFAULT_CONFIG_PATH },
  version: { description: 'Version to build (e.g. the version output of detect-version). Overrides `version:` in the config.' },
  arch: { description: 'Build only these architectures (comma or newline separated; Go names like amd64 or the format\'s own). Default: every linux platform in the config.' },
  'output-dir': { description: 'Directory the packages are written to.', default: 'out/packages' },
  'dry-run': { description: 'Check the config and resolve every file, print what would be built, write nothing.', default: 'false', kind: 'boolean' },
  threads: { description: 'How many compression blocks (zstd: libzstd worker threads) run at once; 0 means one per CPU core. xz runs fewer where they would not fit in half the memory. The output bytes do not depend on it.', default: '0', kind: 'integer' },
  'allow-external-src': { description: 'Allow contents `src` paths outside the workspace.', default: 'false', kind: 'boolean' },
};

export const BUILD_OUTPUTS: Record<string, OutputSpec> = {
  files: { description: 'JSON list of the paths of the packages written.' },
  file: { description: 'The path of the package when exactly one was written, else empty.' },
  sha256: { description: 'JSON map from path to SHA-256 digest.' },
};

export const SIGNING_OUTPUTS: Record<string, OutputSpec> = {
  signatures: { description: 'JSON list of the detached `.asc` signatures written next to the packages (empty for formats that sign inside the package, or without a key).' },
  'public-key': { description: 'The armored public key of signing-key, to publish as KEY.asc (empty without a key).' },
};

/**
 * An action that builds one package format from the config; the format's writer does the rest.
 * With `signing`, it takes the signing inputs: rpm signs inside the package, other formats get a
 * detached `.asc` next to each file.
 */
export function buildAction(name: string, format: string, description: string, options: { signing?: boolean } = {}): ActionDefinition {
  return {
    name,
    description,
    inputs: options.signing ? { ...BUILD_INPUTS, ...SIGNING_INPUTS } : BUILD_INPUTS,
    outputs: options.signing ? { ...BUILD_OUTPUTS, ...SIGNING_OUTPUTS } : BUILD_OUTPUTS,
    async run(ctx) {
      return (await import('./run-build.js')).runBuild(ctx, name, format, options);
    },
  };
}
