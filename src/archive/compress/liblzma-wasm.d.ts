// esbuild's `.wasm=binary` loader (scripts/build.mjs) turns this import into the file's bytes.
declare module 'node-liblzma/wasm/liblzma.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
