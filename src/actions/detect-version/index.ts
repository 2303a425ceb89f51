import { ActionsIO } from '../../core/io-actions.js';
import { runAction } from '../../core/run.js';
import { detectVersionAction } from '../definitions.js';

await runAction(detectVersionAction, new ActionsIO());
