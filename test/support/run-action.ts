import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Parses a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIM` heredocs. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) body.push(lines[i] ?? '');
      out[name as string] = body.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/**
 * Runs a bundled action the way the runner does: `node dist/<name>/index.js` with INPUT_*
 * variables, a GITHUB_OUTPUT file and a GITHUB_STEP_SUMMARY file.
 */
function prepare(name: string, inputs: Record<string, string>, options: { env?: Record<string, string> }) {
  const dir = mkdtempSync(join(tmpdir(), `pa-run-${name}-`));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('INPUT_')) env[k] = v;
  Object.assign(env, { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTIONS: 'true', RUNNER_TEMP: dir }, options.env ?? {});
  // The runner upper-cases the name and replaces spaces with underscores; dashes are kept.
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const finish = (status: number | null, stdout: string, stderr: string): ActionRun => ({ status, stdout, stderr, outputs: parseOutputFile(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') });
  return { env, entry: join(ROOT, 'dist', name, 'index.js'), finish };
}

export function runBundledAction(name: string, inputs: Record<string, string>, options: { cwd?: string; env?: Record<string, string> } = {}): ActionRun {
  const { env, entry, finish } = prepare(name, inputs, options);
  const r = spawnSync(process.execPath, [entry], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8' });
  return finish(r.status, r.stdout, r.stderr);
}

/** The same, without blocking the event loop: for actions that talk to an in-process server (the GitHub stand-in). */
export function runBundledActionAsync(name: string, inputs: Record<string, string>, options: { cwd?: string; env?: Record<string, string> } = {}): Promise<ActionRun> {
  const { env, entry, finish } = prepare(name, inputs, options);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [entry], { cwd: options.cwd ?? ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise(finish(code, stdout, stderr)));
  });
}
