import * as core from '@actions/core';
import type { SourceLocation } from './errors.js';
import type { ActionIO, SummaryFile } from './io.js';
import { humanSize } from './format.js';

function annotation(loc?: SourceLocation): core.AnnotationProperties | undefined {
  if (!loc) return undefined;
  return { file: loc.file, startLine: loc.line, startColumn: loc.column, title: loc.field ? `package-actions: ${loc.field}` : undefined };
}

/** The ActionIO of a job step: inputs from INPUT_*, outputs to GITHUB_OUTPUT, a job summary. */
export class ActionsIO implements ActionIO {
  getInput(name: string): string | undefined {
    const v = core.getInput(name);
    return v === '' ? undefined : v;
  }
  setOutput(name: string, value: string): void {
    core.setOutput(name, value);
  }
  setSecret(value: string): void {
    core.setSecret(value);
  }
  debug(message: string): void {
    core.debug(message);
  }
  info(message: string): void {
    core.info(message);
  }
  warning(message: string, location?: SourceLocation): void {
    core.warning(message, annotation(location));
  }
  error(message: string, location?: SourceLocation): void {
    core.error(message, annotation(location));
  }
  group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(name, fn);
  }
  async summaryFiles(heading: string, files: SummaryFile[], note?: string): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    const withStatus = files.some((f) => f.status);
    const header = [{ data: 'File', header: true }, { data: 'Size', header: true }, { data: 'SHA-256', header: true }];
    if (withStatus) header.push({ data: 'Status', header: true });
    const rows = files.map((f) => {
      const row = [f.url ? `<a href="${f.url}">${escapeHtml(f.name)}</a>` : escapeHtml(f.name), humanSize(f.size), `<code>${f.sha256}</code>`];
      if (withStatus) row.push(f.status ?? '');
      return row;
    });
    const s = core.summary.addHeading(heading, 3).addTable([header, ...rows]);
    if (note) s.addRaw(`<p>${escapeHtml(note)}</p>`, true);
    await s.write();
  }
  setFailed(message: string): void {
    core.setFailed(message);
  }
  isDebug(): boolean {
    return core.isDebug();
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
