import { readFileSync } from 'node:fs';
import { CliIO } from '../core/io-cli.js';
import { reportFailure, runAction } from '../core/run.js';
import { commands } from './commands.js';
import { parseArgs, usage } from './parse.js';

/** `package-actions <command> [--input value ...]`: every action, same code path, inputs as flags. */
async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  const def = commands.find((c) => c.name === name);
  if (!def) {
    const list = commands.map((c) => `  ${c.name.padEnd(16)} ${c.description}`).join('\n');
    process.stderr.write(`usage: package-actions <command> [options]\n\nCommands:\n${list}\n\nRun package-actions <command> --help for its options.\n`);
    process.exitCode = name === undefined || name === '--help' || name === '-h' ? 0 : 2;
    return;
  }
  let args;
  try {
    args = parseArgs(rest, def.inputs, process.env, (p) => readFileSync(p, 'utf8'));
  } catch (e) {
    reportFailure(def.name, new CliIO(new Map()), e);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    process.stdout.write(usage(def.name, def.description, def.inputs));
    return;
  }
  const io = new CliIO(args.inputs, { debug: args.debug });
  const outputs = await runAction(def, io);
  if (!outputs) {
    process.exitCode = 1;
    return;
  }
  if (args.json) process.stdout.write(JSON.stringify(outputs, null, 2) + '\n');
  else for (const [k, v] of Object.entries(outputs)) process.stdout.write(`${k}=${v}\n`);
}

await main(process.argv.slice(2));
