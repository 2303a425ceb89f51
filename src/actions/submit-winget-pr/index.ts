import { ActionsIO } from '../../core/io-actions.js';
import { runAction } from '../../core/run.js';
import { submitWingetPrAction } from '../definitions.js';

await runAction(submitWingetPrAction, new ActionsIO());
