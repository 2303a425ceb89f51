/**
 * Pulls from `input` in the background, up to `maxBytes` ahead of the consumer, so that reading
 * and archiving the payload overlap with compressing it (as dpkg-deb's pipe to its compressor
 * does) instead of taking turns. Memory stays bounded by `maxBytes` plus one chunk. The input
 * must yield chunks it does not reuse afterwards.
 */
export async function* readAhead(input: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  const queue: Uint8Array[] = [];
  let queued = 0;
  let done = false;
  let failure: { error: unknown } | undefined;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;
  let stopped = false;
  const iterator = input[Symbol.asyncIterator]();

  const pump = (async () => {
    try {
      while (!stopped) {
        if (queued >= maxBytes) {
          await new Promise<void>((r) => (wakeProducer = r));
          continue;
        }
        const next = await iterator.next();
        if (next.done) break;
        queue.push(next.value);
        queued += next.value.byteLength;
        wakeConsumer?.();
      }
    } catch (error) {
      failure = { error };
    } finally {
      done = true;
      wakeConsumer?.();
    }
  })();

  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk !== undefined) {
        queued -= chunk.byteLength;
        wakeProducer?.();
        yield chunk;
        continue;
      }
      if (failure) throw failure.error;
      if (done) return;
      await new Promise<void>((r) => (wakeConsumer = r));
      wakeConsumer = undefined;
    }
  } finally {
    stopped = true;
    wakeProducer?.();
    await pump;
    if (!done || failure === undefined) await iterator.return?.();
  }
}
