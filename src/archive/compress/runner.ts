// Who compresses the blocks: worker threads (threads > 1) or the calling thread. Both run the
// same library with the same settings on the same blocks, so the bytes do not depend on which.

/** Compresses one block described by `message`; `transfer` lists buffers given to the runner. */
export interface BlockRunner {
  run(message: BlockMessage, transfer?: ArrayBuffer[]): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A block of input, and for deflate the 32 KiB of input that precede it. */
export interface BlockMessage {
  block: Uint8Array;
  dictionary?: Uint8Array;
}

/** Runs blocks one at a time on the calling thread (or what `encode` delegates to). */
export function inProcessRunner(encode: (message: BlockMessage) => Promise<Uint8Array>): BlockRunner {
  return { run: encode, close: async () => undefined };
}
