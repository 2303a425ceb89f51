// Writes actions/<name>/action.yml from the action definitions in src/ (one source of truth for
// inputs, defaults and outputs). test/unit/action-yml.test.ts fails when they drift.
// Usage: node scripts/gen-action-yml.mjs [name ...]   (default: every action)
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(mkdtempSync(join(tmpdir(), 'pa-gen-')), 'commands.mjs');
await build({
  entryPoints: ['src/cli/commands.ts'], bundle: true, platform: 'node', target: 'node24', format: 'esm', outfile: out,
  loader: { '.wasm': 'binary' }, logLevel: 'error',
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
});
const { commands } = await import(out);
const quote = (s) => (/[:#`'"{}[\]&*!|>%@,]|^\s|\s$/.test(s) ? JSON.stringify(s) : s);
const only = process.argv.slice(2);
const ICONS = { 'detect-version': 'tag', 'publish-release': 'upload-cloud' };
for (const d of commands) {
  if (d.name === 'pipeline' || (only.length && !only.includes(d.name))) continue;
  let y = `name: package-actions ${d.name}\ndescription: ${quote(d.description)}\nauthor: package-actions\nbranding:\n  icon: ${ICONS[d.name] ?? 'package'}\n  color: blue\ninputs:\n`;
  for (const [k, v] of Object.entries(d.inputs)) {
    y += `  ${k}:\n    description: ${quote(v.description)}\n`;
    if (v.required) y += '    required: true\n';
    if (v.default !== undefined) y += `    default: ${JSON.stringify(v.default)}\n`;
  }
  y += 'outputs:\n';
  for (const [k, v] of Object.entries(d.outputs)) y += `  ${k}:\n    description: ${quote(v.description)}\n`;
  y += `runs:\n  using: node24\n  main: ../../dist/${d.name}/index.js\n`;
  mkdirSync(join('actions', d.name), { recursive: true });
  writeFileSync(join('actions', d.name, 'action.yml'), y);
  console.log(`actions/${d.name}/action.yml`);
}
