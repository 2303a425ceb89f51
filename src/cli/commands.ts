import { buildArchiveAction } from '../actions/build-archive/definition.js';
import { buildDebAction } from '../actions/build-deb/definition.js';
import { buildRpmAction } from '../actions/build-rpm/definition.js';
import { detectVersionAction } from '../actions/detect-version/definition.js';
import { publishReleaseAction } from '../actions/publish-release/definition.js';
import { submitWingetPrAction } from '../actions/submit-winget-pr/definition.js';
import { updateHomebrewTapAction } from '../actions/update-homebrew-tap/definition.js';
import type { ActionDefinition } from '../core/run.js';
import { pipelineCommand } from './pipeline.js';

/** Every action, in the order a release runs them, plus the CLI-only pipeline. */
export const commands: ActionDefinition[] = [detectVersionAction, buildDebAction, buildRpmAction, buildArchiveAction, publishReleaseAction, updateHomebrewTapAction, submitWingetPrAction, pipelineCommand];
