import { ConfigurationError } from '../core/errors.js';
import type { InputSpec } from '../core/inputs.js';

export interface ParsedArgs {
  inputs: Map<string, string>;
  debug: boolean;
  help: boolean;
  json: boolean;
}

/**
 * Turns `--flag value`, `--flag=value` and bare boolean `--flag` into action inputs. Secret
 * inputs are refused here: a command line is visible to every process on the machine, so they
 * come from the environment (PACKAGE_ACTIONS_<NAME>) or a file (`--<name>-file`).
 */
export function parseArgs(argv: string[], spec: Record<string, InputSpec>, env: NodeJS.ProcessEnv, readFile: (p: string) => string): ParsedArgs {
  const inputs = new Map<string, string>();
  const out: ParsedArgs = { inputs, debug: false, help: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      out.help = true;
      continue;
    }
    if (arg === '--debug') {
      out.debug = true;
      continue;
    }
    if (arg === '--json') {
      out.json = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new ConfigurationError(`unexpected argument "${arg}"`, { fix: 'inputs are given as --name value; see --help' });
    const eq = arg.indexOf('=');
    let name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : undefined;
    let fromFile = false;
    if (!(name in spec) && name.endsWith('-file') && spec[name.slice(0, -5)]?.kind === 'secret') {
      name = name.slice(0, -5);
      fromFile = true;
    }
    const s = spec[name];
    if (!s) throw new ConfigurationError(`unknown option --${name}`, { fix: `known options: ${Object.keys(spec).map((k) => `--${k}`).join(', ')}` });
    if (s.kind === 'secret' && !fromFile) {
      throw new ConfigurationError(`--${name} would put a secret on the command line`, { fix: `use --${name}-file PATH or the environment variable ${envName(name)}` });
    }
    if (value === undefined) {
      const next = argv[i + 1];
      if (s.kind === 'boolean' && (next === undefined || next.startsWith('--'))) value = 'true';
      else if (next === undefined) throw new ConfigurationError(`--${name} needs a value`);
      else {
        value = next;
        i++;
      }
    }
    inputs.set(name, fromFile ? readFile(value) : value);
  }
  for (const [name, s] of Object.entries(spec)) {
    if (s.kind === 'secret' && !inputs.has(name) && env[envName(name)]) inputs.set(name, env[envName(name)] as string);
  }
  return out;
}

export function envName(input: string): string {
  return `PACKAGE_ACTIONS_${input.replace(/-/g, '_').toUpperCase()}`;
}

export function usage(command: string, description: string, spec: Record<string, InputSpec>): string {
  const rows = Object.entries(spec).map(([name, s]) => {
    const flag = s.kind === 'secret' ? `--${name}-file PATH | $${envName(name)}` : s.kind === 'boolean' ? `--${name}` : `--${name} VALUE`;
    return `  ${flag}\n      ${s.description}${s.default !== undefined && s.default !== '' ? ` (default: ${s.default})` : ''}`;
  });
  return `package-actions ${command}: ${description}\n\nOptions:\n${rows.join('\n')}\n  --json      print the outputs as JSON on stdout\n  --debug     show debug messages and stack traces\n`;
}
