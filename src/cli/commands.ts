import {
  buildArchiveAction, buildDebAction, buildRpmAction, detectVersionAction, publishReleaseAction, submitWingetPrAction, updateHomebrewTapAction,
} from '../actions/definitions.js';
import type { ActionDefinition } from '../core/run.js';
import { pipelineCommand } from './pipeline.js';

/** Every action, in the order a release runs them, plus the CLI-only pipeline. */
export const commands: ActionDefinition[] = [detectVersionAction, buildDebAction, buildRpmAction, buildArchiveAction, publishReleaseAction, updateHomebrewTapAction, submitWingetPrAction, pipelineCommand];
