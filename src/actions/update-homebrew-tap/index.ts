import { ActionsIO } from '../../core/io-actions.js';
import { runAction } from '../../core/run.js';
import { updateHomebrewTapAction } from './definition.js';

await runAction(updateHomebrewTapAction, new ActionsIO());
