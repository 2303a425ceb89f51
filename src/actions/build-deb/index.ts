import { ActionsIO } from '../../core/io-actions.js';
import { runAction } from '../../core/run.js';
import { buildDebAction } from '../definitions.js';

await runAction(buildDebAction, new ActionsIO());
