// Runs jobs concurrently while keeping their results in order and memory bounded.

/**
 * Starts each job as soon as fewer than `limit` are unfinished-or-unyielded, and yields results in
 * job order. The next job's input is produced (read) before a slot frees, so at most `limit + 1`
 * blocks exist at once. If a job fails, its error is thrown when its turn comes; later results are
 * dropped. Stopping early leaves started jobs running: their owner (the worker pool) ends them.
 */
export async function* orderedParallel<T>(jobs: AsyncIterable<() => Promise<T>>, limit: number): AsyncGenerator<T> {
  const queue: Promise<T>[] = [];
  for await (const start of jobs) {
    while (queue.length >= limit) yield await (queue.shift() as Promise<T>);
    const job = start();
    // Its rejection is observed when it reaches the head; until then, do not report it as unhandled.
    job.catch(() => undefined);
    queue.push(job);
  }
  while (queue.length > 0) yield await (queue.shift() as Promise<T>);
}
