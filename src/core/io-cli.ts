import type { SourceLocation } from './errors.js';
import { formatLocation } from './errors.js';
import type { ActionIO, SummaryFile } from './io.js';
import { humanSize, textTable } from './format.js';

/**
 * The ActionIO of the command line: inputs come from flags, outputs and the summary are
 * printed. Secrets given on the CLI are read from the environment, never from argv.
 */
export class CliIO implements ActionIO {
  readonly outputs = new Map<string, string>();
  private readonly secrets: string[] = [];

  constructor(
    private readonly inputs: Map<string, string>,
    private readonly options: { debug?: boolean; quiet?: boolean; write?: (s: string) => void } = {},
  ) {}

  private print(s: string): void {
    (this.options.write ?? ((t: string) => process.stderr.write(t)))(this.mask(s) + '\n');
  }
  private mask(s: string): string {
    let out = s;
    for (const secret of this.secrets) if (secret) out = out.split(secret).join('***');
    return out;
  }
  getInput(name: string): string | undefined {
    const v = this.inputs.get(name);
    return v === undefined || v === '' ? undefined : v;
  }
  setOutput(name: string, value: string): void {
    this.outputs.set(name, value);
  }
  setSecret(value: string): void {
    this.secrets.push(value);
  }
  debug(message: string): void {
    if (this.options.debug) this.print(`debug: ${message}`);
  }
  info(message: string): void {
    if (!this.options.quiet) this.print(message);
  }
  warning(message: string, location?: SourceLocation): void {
    this.print(`warning: ${location ? formatLocation(location) + ': ' : ''}${message}`);
  }
  error(message: string, location?: SourceLocation): void {
    this.print(`error: ${location ? formatLocation(location) + ': ' : ''}${message}`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.info(`== ${name}`);
    return fn();
  }
  async summaryFiles(heading: string, files: SummaryFile[], note?: string): Promise<void> {
    const withStatus = files.some((f) => f.status);
    const header = ['file', 'size', 'sha256', ...(withStatus ? ['status'] : [])];
    const rows = files.map((f) => [f.url ?? f.name, humanSize(f.size), f.sha256, ...(withStatus ? [f.status ?? ''] : [])]);
    this.info(`\n${heading}\n${textTable(header, rows)}${note ? `\n${note}` : ''}\n`);
  }
  setFailed(message: string): void {
    this.print(`error: ${message}`);
    process.exitCode = 1;
  }
  isDebug(): boolean {
    return Boolean(this.options.debug);
  }
}
