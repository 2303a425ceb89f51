// The runner's side of a job step, written out as GitHub documents it ("Workflow commands for
// GitHub Actions"): inputs come from INPUT_<NAME> variables; outputs are appended to the
// GITHUB_OUTPUT file as `name<<delimiter` blocks; masks, log groups and annotations are `::command
// prop=value::data` lines on stdout; the job summary is Markdown/HTML appended to
// GITHUB_STEP_SUMMARY. Our own few lines instead of @actions/core, whose bundle (with its HTTP
// client for OIDC tokens, which no action here uses) took ~80 ms to load in every step.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/** Where an annotation points: the names the runner reads (`line`, `col`), in @actions/core's order. */
export interface Annotation {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

/** Data of a command: `%`, CR and LF are escaped so a message cannot end the command early. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line: `::name prop=value,prop=value::data`. */
export function command(name: string, properties: Record<string, string | number | undefined>, data: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(data)}`;
}

export type Write = (text: string) => void;

const stdout: Write = (text) => {
  process.stdout.write(text);
};

/** The value of input `name` (`INPUT_` + upper case, spaces as `_`), trimmed; '' when unset. */
export function readInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * Appends `name` = `value` to the GITHUB_OUTPUT file in the heredoc form, which keeps any value
 * (several lines too) intact; without the file (an old runner), the `set-output` command.
 */
export function writeOutput(name: string, value: string, env: NodeJS.ProcessEnv = process.env, write: Write = stdout): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) {
    write(EOL + command('set-output', { name }, value) + EOL);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  // A delimiter inside the name or value would end the block early: refuse rather than corrupt.
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name} contains its own delimiter`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/** Appends Markdown/HTML to the job summary; false when the runner gave no summary file. */
export function appendSummary(text: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, text, 'utf8');
  return true;
}

/** The runner's log commands, written to `write` (stdout). */
export class RunnerLog {
  constructor(private readonly write: Write = stdout) {}

  info(message: string): void {
    this.write(message + EOL);
  }
  debug(message: string): void {
    this.write(command('debug', {}, message) + EOL);
  }
  mask(secret: string): void {
    this.write(command('add-mask', {}, secret) + EOL);
  }
  annotate(kind: 'error' | 'warning' | 'notice', message: string, at: Annotation = {}): void {
    this.write(command(kind, { title: at.title, file: at.file, line: at.line, endLine: at.endLine, col: at.col, endColumn: at.endColumn }, message) + EOL);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.write(command('group', {}, name) + EOL);
    try {
      return await fn();
    } finally {
      this.write(command('endgroup', {}, '') + EOL);
    }
  }
}
