import { ActionsIO } from '../../core/io-actions.js';
import { runAction } from '../../core/run.js';
import { buildRpmAction } from '../definitions.js';

await runAction(buildRpmAction, new ActionsIO());
