// Bundles every action entry and the CLI into dist/ with esbuild. Shared code goes into
// chunks that all entries import, so it is not duplicated in every bundle.
import { build } from 'esbuild';
import { chmodSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeIfChanged } from './gen-config-validator.mjs';

// The config validator is compiled ahead of time; a schema edit must not ship a stale one.
if (writeIfChanged()) console.log('build: regenerated src/config/validate-config.generated.js from the schema');

const entryPoints = { 'cli/index': 'src/cli/index.ts' };
for (const name of readdirSync('src/actions')) {
  const entry = join('src/actions', name, 'index.ts');
  if (existsSync(entry)) entryPoints[`${name}/index`] = entry;
}

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  loader: { '.wasm': 'binary' },
  logLevel: 'warning',
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
});
// `npx package-actions` runs the CLI bundle directly (it starts with #!/usr/bin/env node).
chmodSync('dist/cli/index.js', 0o755);
