/** Where in a user's file a problem sits, so it can become a workflow annotation. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  /** Dotted path of the config field, e.g. `contents[2].dst`. */
  field?: string;
}

/**
 * A mistake the user can fix (bad config, bad input, missing file). Reported as a plain
 * annotation without a stack; anything else that is thrown is treated as a bug.
 */
export class ConfigurationError extends Error {
  readonly location?: SourceLocation;
  readonly fix?: string;

  constructor(message: string, options: { location?: SourceLocation; fix?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConfigurationError';
    this.location = options.location;
    this.fix = options.fix;
  }

  /** The full text a user sees: what is wrong, where, and how to fix it. */
  describe(): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : '';
    const fix = this.fix ? `\n  fix: ${this.fix}` : '';
    return `${where}${this.message}${fix}`;
  }
}

/** Several configuration errors found in one pass, reported together. */
export class ConfigurationErrors extends ConfigurationError {
  readonly errors: ConfigurationError[];

  constructor(errors: ConfigurationError[]) {
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} found:\n${errors.map((e) => `- ${e.describe()}`).join('\n')}`, {
      location: errors[0]?.location,
    });
    this.errors = errors;
  }
}

export function formatLocation(loc: SourceLocation): string {
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) s += `:${loc.column}`;
  if (loc.field) s += ` (${loc.field})`;
  return s;
}

export function isConfigurationError(e: unknown): e is ConfigurationError {
  return e instanceof ConfigurationError;
}

/**
 * Something outside failed and retries did not help (GitHub down, a network that drops
 * uploads): not the user's mistake, not a bug; rerunning is the fix.
 */
export class ExternalError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ExternalError';
  }
}
