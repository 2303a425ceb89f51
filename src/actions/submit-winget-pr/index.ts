// The bundled action's entry: the module compile cache first, then the action's code.
import { enableModuleCache } from '../../core/compile-cache.js';

enableModuleCache();
const [{ runActionEntry }, { submitWingetPrAction }] = await Promise.all([import('../../core/action-entry.js'), import('../definitions.js')]);
await runActionEntry(submitWingetPrAction);
