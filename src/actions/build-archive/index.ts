import { ActionsIO } from '../../core/io-actions.js';
import { runAction } from '../../core/run.js';
import { buildArchiveAction } from '../definitions.js';

await runAction(buildArchiveAction, new ActionsIO());
