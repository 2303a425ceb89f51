import { ActionsIO } from '../../core/io-actions.js';
import { runAction } from '../../core/run.js';
import { buildRpmAction } from './definition.js';

await runAction(buildRpmAction, new ActionsIO());
