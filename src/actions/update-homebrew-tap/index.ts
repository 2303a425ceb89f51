import { ActionsIO } from '../../core/io-actions.js';
import { runAction } from '../../core/run.js';
import { updateHomebrewTapAction } from '../definitions.js';

await runAction(updateHomebrewTapAction, new ActionsIO());
