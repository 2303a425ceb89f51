import { resolve } from 'node:path';
import '../../src/packagers/deb/index.js';
import { buildPackages, type BuildRequest, type BuiltFile } from '../../src/build/build-packages.js';
import { CliIO } from '../../src/core/io-cli.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SERVIN_DIR = resolve(ROOT, 'examples/servin');
export const SERVIN_CONFIG = resolve(SERVIN_DIR, 'package-actions.yml');
export const EPOCH = '1700000000';

/** Builds packages in-process with a quiet terminal IO, the way the CLI does. */
export async function build(req: Partial<BuildRequest> & { format: string; outputDir: string }, env: NodeJS.ProcessEnv = {}): Promise<BuiltFile[]> {
  const io = new CliIO(new Map(), { quiet: true });
  return buildPackages(
    { configPath: SERVIN_CONFIG, arch: [], dryRun: false, threads: 1, allowExternalSrc: false, ...req },
    { io, env: { SOURCE_DATE_EPOCH: EPOCH, ...env }, cwd: SERVIN_DIR },
  );
}
