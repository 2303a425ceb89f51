// esbuild's `type: 'bytes'` import attribute (src/archive/compress/liblzma.ts) makes this file's bytes.
declare const bytes: Uint8Array;
export default bytes;
