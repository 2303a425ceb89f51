import { ActionsIO } from '../../core/io-actions.js';
import { runAction } from '../../core/run.js';
import { publishReleaseAction } from '../definitions.js';

await runAction(publishReleaseAction, new ActionsIO());
