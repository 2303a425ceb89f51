import type { SourceLocation } from './errors.js';

/** One row of the job summary's file table. */
export interface SummaryFile {
  name: string;
  size: number;
  sha256: string;
  /** Link to the published file, when there is one. */
  url?: string;
  /** e.g. "built", "uploaded", "unchanged", "dry-run". */
  status?: string;
}

/**
 * Everything an action needs from its host. One implementation talks to the Actions
 * runner (workflow commands, core/runner-commands.ts), the other to a terminal (the CLI); tests
 * use either.
 */
export interface ActionIO {
  /** The raw input value, or undefined when empty or unset. */
  getInput(name: string): string | undefined;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, location?: SourceLocation): void;
  error(message: string, location?: SourceLocation): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Adds a heading and a table of files to the job summary (the CLI prints it). */
  summaryFiles(heading: string, files: SummaryFile[], note?: string): Promise<void>;
  setFailed(message: string): void;
  isDebug(): boolean;
}
