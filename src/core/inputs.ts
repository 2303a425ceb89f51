import { ConfigurationError } from './errors.js';
import type { ActionIO } from './io.js';

export type InputKind = 'string' | 'boolean' | 'integer' | 'multiline' | 'secret';

export interface InputSpec {
  description: string;
  default?: string;
  required?: boolean;
  kind?: InputKind;
}

export interface OutputSpec {
  description: string;
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** Typed access to an action's inputs, with defaults from its spec. Pure apart from setSecret. */
export class Inputs {
  constructor(
    private readonly io: ActionIO,
    private readonly spec: Record<string, InputSpec>,
  ) {}

  private raw(name: string): string | undefined {
    const spec = this.spec[name];
    if (!spec) throw new Error(`input "${name}" is not declared`);
    const value = this.io.getInput(name)?.trim();
    if (value === undefined || value === '') {
      if (spec.required) throw new ConfigurationError(`input "${name}" is required`, { fix: `set "${name}:" under "with:" in the workflow step` });
      return spec.default;
    }
    return value;
  }

  string(name: string): string | undefined {
    return this.raw(name);
  }

  required(name: string): string {
    const v = this.raw(name);
    if (v === undefined || v === '') throw new ConfigurationError(`input "${name}" is required`, { fix: `set "${name}:" under "with:"` });
    return v;
  }

  boolean(name: string): boolean {
    const v = this.raw(name) ?? 'false';
    if (TRUE.includes(v)) return true;
    if (FALSE.includes(v)) return false;
    throw new ConfigurationError(`input "${name}" must be true or false, not "${v}"`, { fix: `write ${name}: true or ${name}: false` });
  }

  integer(name: string): number | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new ConfigurationError(`input "${name}" must be a whole number, not "${v}"`);
    return Number(v);
  }

  /** Newline- (or comma-) separated values, blank lines and `#` comments dropped. */
  list(name: string): string[] {
    const v = this.raw(name);
    if (!v) return [];
    return v
      .split(/\r?\n|,/)
      .map((s) => s.trim())
      .filter((s) => s !== '' && !s.startsWith('#'));
  }

  /** A secret is masked (whole and line by line) before anything else can print it. */
  secret(name: string): string | undefined {
    const v = this.io.getInput(name);
    if (v === undefined || v === '') return this.raw(name);
    this.io.setSecret(v);
    for (const line of v.split(/\r?\n/)) if (line.trim().length >= 4) this.io.setSecret(line.trim());
    return v;
  }
}
