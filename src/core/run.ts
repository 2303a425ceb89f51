import { ConfigurationError, ConfigurationErrors, ExternalError } from './errors.js';
import type { ActionIO } from './io.js';
import { Inputs, type InputSpec, type OutputSpec } from './inputs.js';

/** The environment an action runs in, passed explicitly so tests and the CLI control it. */
export interface RunContext {
  io: ActionIO;
  inputs: Inputs;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface ActionDefinition {
  /** The action's directory name, e.g. `build-deb`; also the CLI command. */
  name: string;
  description: string;
  inputs: Record<string, InputSpec>;
  outputs: Record<string, OutputSpec>;
  /** Does the work and returns the outputs (every declared output, as strings). */
  run(ctx: RunContext): Promise<Record<string, string>>;
}

/**
 * The outer net of every action: user mistakes become annotations without a stack, anything
 * else is a bug reported with its stack in debug. Never lets a throw leave the step green.
 */
export async function runAction(
  def: ActionDefinition,
  io: ActionIO,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Promise<Record<string, string> | undefined> {
  try {
    const outputs = await def.run({ io, inputs: new Inputs(io, def.inputs), env, cwd });
    for (const [name, value] of Object.entries(outputs)) {
      if (!(name in def.outputs)) throw new Error(`${def.name} produced undeclared output "${name}"`);
      io.setOutput(name, value);
    }
    return outputs;
  } catch (e: unknown) {
    reportFailure(def.name, io, e);
    return undefined;
  }
}

export function reportFailure(action: string, io: ActionIO, e: unknown): void {
  if (e instanceof ConfigurationErrors) {
    for (const err of e.errors) io.error(err.fix ? `${err.message}\nfix: ${err.fix}` : err.message, err.location);
    io.setFailed(`${action}: ${e.errors.length} configuration problem${e.errors.length === 1 ? '' : 's'}; nothing was built or published`);
  } else if (e instanceof ConfigurationError) {
    io.error(e.fix ? `${e.message}\nfix: ${e.fix}` : e.message, e.location);
    io.setFailed(`${action}: ${e.message}`);
  } else if (e instanceof ExternalError) {
    io.debug(e.stack ?? e.message);
    io.setFailed(`${action}: ${e.message}`);
  } else {
    const err = e instanceof Error ? e : new Error(String(e));
    io.debug(err.stack ?? String(err));
    io.setFailed(`${action} failed with an internal error (a bug in package-actions; please report it with the debug log): ${err.message}`);
  }
}
