// npm run bench helper: signs a file with our in-process signer, as publish-release does, started
// the way the CLI and the action entries start (module compile cache on, then the code).
// Usage (after esbuild bundling): node bench-sign.mjs KEY.asc FILE OUT.asc
import { enableModuleCache } from '../src/core/compile-cache.js';

enableModuleCache();
const [{ readFileSync, writeFileSync }, { loadSigner, signFileArmored }] = await Promise.all([import('node:fs'), import('../src/signing/index.js')]);
const [key, file, out] = process.argv.slice(2);
const signer = await loadSigner(readFileSync(key as string, 'utf8'));
writeFileSync(out as string, await signFileArmored(signer, file as string));
