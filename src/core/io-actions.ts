import { EOL } from 'node:os';
import type { SourceLocation } from './errors.js';
import type { ActionIO, SummaryFile } from './io.js';
import { humanSize } from './format.js';
import { appendSummary, readInput, RunnerLog, writeOutput, type Annotation } from './runner-commands.js';

function annotation(loc?: SourceLocation): Annotation | undefined {
  if (!loc) return undefined;
  return { title: loc.field ? `package-actions: ${loc.field}` : undefined, file: loc.file, line: loc.line, col: loc.column };
}

/** The ActionIO of a job step: inputs from INPUT_*, outputs to GITHUB_OUTPUT, a job summary. */
export class ActionsIO implements ActionIO {
  private readonly log = new RunnerLog();

  getInput(name: string): string | undefined {
    const v = readInput(name);
    return v === '' ? undefined : v;
  }
  setOutput(name: string, value: string): void {
    writeOutput(name, value);
  }
  setSecret(value: string): void {
    this.log.mask(value);
  }
  debug(message: string): void {
    this.log.debug(message);
  }
  info(message: string): void {
    this.log.info(message);
  }
  warning(message: string, location?: SourceLocation): void {
    this.log.annotate('warning', message, annotation(location));
  }
  error(message: string, location?: SourceLocation): void {
    this.log.annotate('error', message, annotation(location));
  }
  group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.log.group(name, fn);
  }
  async summaryFiles(heading: string, files: SummaryFile[], note?: string): Promise<void> {
    const withStatus = files.some((f) => f.status);
    const header = ['File', 'Size', 'SHA-256', ...(withStatus ? ['Status'] : [])];
    const rows = files.map((f) => {
      const row = [f.url ? `<a href="${f.url}">${escapeHtml(f.name)}</a>` : escapeHtml(f.name), humanSize(f.size), `<code>${f.sha256}</code>`];
      if (withStatus) row.push(f.status ?? '');
      return row;
    });
    const table = `<table><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
    appendSummary(`<h3>${escapeHtml(heading)}</h3>${EOL}${table}${EOL}${note ? `<p>${escapeHtml(note)}</p>${EOL}` : ''}`);
  }
  setFailed(message: string): void {
    process.exitCode = 1;
    this.log.annotate('error', message);
  }
  isDebug(): boolean {
    return process.env.RUNNER_DEBUG === '1';
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
