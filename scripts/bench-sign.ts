// npm run bench helper: signs a file with our in-process signer, as publish-release does.
// Usage (after esbuild bundling): node sign.mjs KEY.asc FILE OUT.asc
import { readFileSync, writeFileSync } from 'node:fs';
import { loadSigner, signFileArmored } from '../src/signing/index.js';

const [key, file, out] = process.argv.slice(2);
const signer = await loadSigner(readFileSync(key as string, 'utf8'));
writeFileSync(out as string, await signFileArmored(signer, file as string));
