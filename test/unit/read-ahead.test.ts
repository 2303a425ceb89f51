import { describe, expect, test } from '@jest/globals';
import { readAhead } from '../../src/archive/read-ahead.js';

async function collect(it: AsyncIterable<Uint8Array>): Promise<number[]> {
  const out: number[] = [];
  for await (const c of it) out.push(...c);
  return out;
}

describe('readAhead', () => {
  test('passes every chunk through in order', async () => {
    async function* src() {
      for (let i = 0; i < 50; i++) yield new Uint8Array([i, i + 1]);
    }
    const expected = await collect(src());
    expect(await collect(readAhead(src(), 8))).toEqual(expected);
  });

  test('pulls ahead of a slow consumer, but never more than the limit', async () => {
    let pulled = 0;
    async function* src() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield new Uint8Array(10);
      }
    }
    const it = readAhead(src(), 50)[Symbol.asyncIterator]();
    await it.next();
    await new Promise((r) => setTimeout(r, 20));
    // One consumed, up to 50 bytes (5 chunks) queued, plus the one the producer holds while waiting.
    expect(pulled).toBeGreaterThanOrEqual(5);
    expect(pulled).toBeLessThanOrEqual(7);
    await it.return?.(undefined);
  });

  test('a failing source fails the consumer', async () => {
    async function* src() {
      yield new Uint8Array(1);
      throw new Error('disk on fire');
    }
    await expect(collect(readAhead(src(), 1024))).rejects.toThrow('disk on fire');
  });

  test('stopping early closes the source', async () => {
    let closed = false;
    async function* src() {
      try {
        for (;;) yield new Uint8Array(1);
      } finally {
        closed = true;
      }
    }
    for await (const chunk of readAhead(src(), 4)) {
      expect(chunk).toHaveLength(1);
      break;
    }
    expect(closed).toBe(true);
  });
});
