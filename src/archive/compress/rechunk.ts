// Cuts a stream of arbitrary chunks into blocks of one fixed size (the last may be shorter).
// Compressors are fed these blocks, never the caller's chunks: zstd's output depends on how its
// input is split, and the parallel formats need block boundaries that depend on the data alone.
// Input chunks may be borrowed (valid only until the next is pulled, see ../file-io.ts): every
// byte is copied into a block before the next chunk is requested.

/**
 * Recycles blocks of one size, so a long payload does not touch fresh memory for every block
 * (on a VM each first touch is a page fault). A block is given back when its compression ends.
 */
export class BlockPool {
  private readonly free: ArrayBuffer[] = [];

  constructor(
    readonly size: number,
    private readonly keep = 8,
  ) {}

  take(): Uint8Array {
    const buffer = this.free.pop();
    return buffer ? new Uint8Array(buffer) : new Uint8Array(this.size);
  }

  /** Gives back the memory under `block` (a whole block or a view of one); others are ignored. */
  give(block: Uint8Array): void {
    const buffer = block.buffer;
    // A buffer transferred to a worker is detached: its byteLength is 0, so it is not kept.
    if (buffer instanceof ArrayBuffer && buffer.byteLength === this.size && this.free.length < this.keep && !this.free.includes(buffer)) this.free.push(buffer);
  }
}

/**
 * Yields `size`-byte blocks of the concatenated input, each a block of `pool` (the last one a
 * shorter view of one, never empty). The consumer owns each block until it gives it back.
 */
export async function* rechunk(input: AsyncIterable<Uint8Array>, size: number, pool: BlockPool = new BlockPool(size)): AsyncGenerator<Uint8Array> {
  if (pool.size !== size) throw new RangeError(`block pool holds ${pool.size}-byte blocks, not ${size}`);
  let pending: Uint8Array | undefined;
  let filled = 0;
  for await (const chunk of input) {
    let offset = 0;
    while (offset < chunk.byteLength) {
      pending ??= pool.take();
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
