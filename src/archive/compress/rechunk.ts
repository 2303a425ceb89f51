// Cuts a stream of arbitrary chunks into slices of one fixed size (the last may be shorter).
// Compressors are fed these slices, never the caller's chunks: zstd's output depends on how its
// input is split, and the parallel formats need block boundaries that depend on the data alone.

/**
 * Yields `size`-byte slices of the concatenated input; the last one is shorter (never empty).
 * Slices that lie inside one input chunk are views of it (no copy); slices that straddle chunks
 * are fresh copies. With `copy`, every slice is a fresh, exclusively owned buffer (so its
 * ArrayBuffer can be transferred to a worker).
 */
export async function* rechunk(
  input: AsyncIterable<Uint8Array>,
  size: number,
  copy = false,
): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array | undefined;
  let filled = 0;
  for await (const chunk of input) {
    let offset = 0;
    while (offset < chunk.byteLength) {
      if (pending === undefined && !copy && chunk.byteLength - offset >= size) {
        yield chunk.subarray(offset, offset + size);
        offset += size;
        continue;
      }
      pending ??= new Uint8Array(size);
      const n = Math.min(size - filled, chunk.byteLength - offset);
      pending.set(chunk.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled === size) {
        yield pending;
        pending = undefined;
        filled = 0;
      }
    }
  }
  if (pending !== undefined && filled > 0) yield pending.subarray(0, filled);
}
