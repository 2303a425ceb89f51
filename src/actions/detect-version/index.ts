import { ActionsIO } from '../../core/io-actions.js';
import { runAction } from '../../core/run.js';
import { detectVersionAction } from './definition.js';

await runAction(detectVersionAction, new ActionsIO());
