import type { ActionDefinition } from './run.js';
import { ActionsIO } from './io-actions.js';
import { runAction } from './run.js';

/** What every action's bundled entry runs: the action, with the runner's inputs and outputs. */
export async function runActionEntry(def: ActionDefinition): Promise<void> {
  await runAction(def, new ActionsIO());
}
