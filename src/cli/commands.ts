import { buildDebAction } from '../actions/build-deb/definition.js';
import type { ActionDefinition } from '../core/run.js';
import { pipelineCommand } from './pipeline.js';

/** Every action, in the order a release runs them, plus the CLI-only pipeline. */
export const commands: ActionDefinition[] = [buildDebAction, pipelineCommand];
