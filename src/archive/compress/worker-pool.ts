// A small pool of worker threads running one inline ES module (a `data:` URL). Inline code needs no
// file on disk, so the same pool works from the TypeScript sources under Jest and from the esbuild
// bundle (dist/<action>/index.js + dist/chunks/*.js), wherever the bundle is unpacked.
import type { Worker } from 'node:worker_threads';

/** node:worker_threads, loaded when the first worker starts (not at start-up: ~5 ms most runs never need). */
const workerThreads = () => process.getBuiltinModule('node:worker_threads') as typeof import('node:worker_threads');

/** What a job gives back: its result, and the input block when the worker returns it for reuse. */
export interface WorkerResult {
  result: Uint8Array;
  block?: Uint8Array;
}

interface Job {
  message: unknown;
  transfer: ArrayBuffer[];
  resolve: (value: WorkerResult) => void;
  reject: (error: Error) => void;
}

/** Reply of a worker: `result` (and optionally `block`), or `error` (a message). */
interface Reply {
  result?: Uint8Array;
  block?: Uint8Array;
  error?: string;
}

/**
 * Starts up to `size` workers on demand; each takes one job at a time. A worker is ref'ed only
 * while it has a job, so an idle or forgotten pool never keeps the process alive, while a pending
 * job does (a promise awaited at top level would otherwise end the process early). `close()`
 * terminates every worker and fails the jobs still pending.
 */
export class WorkerPool {
  private readonly url: URL;
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly waiting: Job[] = [];
  private failure: Error | undefined;

  constructor(
    source: string,
    private readonly workerData: unknown,
    private readonly size: number,
  ) {
    this.url = new URL(`data:text/javascript,${encodeURIComponent(source)}`);
  }

  /** Sends `message` to a free worker; `transfer` lists buffers the caller gives up. */
  run(message: unknown, transfer: ArrayBuffer[] = []): Promise<WorkerResult> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.push({ message, transfer, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.fail(new Error('compression worker pool closed'));
    this.idle.length = 0;
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const worker = this.idle.pop() ?? this.spawn();
      if (!worker) return;
      const job = this.waiting.shift() as Job;
      this.busy.set(worker, job);
      worker.ref();
      worker.postMessage(job.message, job.transfer);
    }
  }

  private spawn(): Worker | undefined {
    if (this.workers.length >= this.size) return undefined;
    const worker = new (workerThreads().Worker)(this.url, { workerData: this.workerData });
    this.workers.push(worker);
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if (job) {
        if (reply.result) job.resolve({ result: reply.result, block: reply.block });
        else job.reject(new Error(`compression worker failed: ${reply.error ?? 'no result'}`));
      }
      this.dispatch();
    });
    // Not the error itself: its stack would quote the whole data: URL.
    worker.on('error', (error) => this.fail(new Error(`compression worker failed: ${error.message}`)));
    worker.on('exit', (code) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      job?.reject(this.failure ?? new Error(`compression worker exited with code ${code}`));
    });
    return worker;
  }

  /** After one failure, every pending and future job fails with it; the caller then closes. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of this.waiting.splice(0)) job.reject(this.failure);
    for (const job of this.busy.values()) job.reject(this.failure);
    this.busy.clear();
  }
}
