/**
 * The service's worker threads: each check runs on one of them, so a large PDF never blocks the
 * others and the server's own thread stays free for requests. A check that outlives its limit has
 * its worker terminated and replaced; it is answered as timed out, and the service goes on.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Language, type Report } from '../index.js';

/** What every worker is told once. */
export interface PoolSetup {
  /** The rule pack (directory) or rule-set file. */
  readonly rules: string;
  /** The language whose rule set is loaded first. */
  readonly language: Language;
}

/** One check, as a worker receives it. */
export interface CheckJob {
  readonly id: number;
  /** The document's content. */
  readonly bytes: ArrayBuffer;
  /** A name whose extension says .json or .txt when the content could be either. */
  readonly name: string;
  readonly language: Language;
  readonly only?: readonly string[];
  readonly skip?: readonly string[];
  /** The engine's own time budget for the check. */
  readonly timeBudgetMs: number;
}

/** A worker's answer, or the pool's own when it stopped the worker (code time_limit_exceeded or internal_error). */
export type CheckReply = { readonly id: number; readonly ok: true; readonly report: Report } | { readonly id: number; readonly ok: false; readonly code: string; readonly message: string };

interface Slot {
  worker: Worker;
  job?: { readonly job: CheckJob; readonly resolve: (outcome: CheckReply) => void; readonly timer: NodeJS.Timeout };
}

/** The compiled worker script (the service runs from dist/). */
function workerScript(): URL {
  const url = new URL('./checkWorker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new Error('the service runs from the compiled engine: run `npm run build:engine`');
  return url;
}

/** A pool of check workers. */
export class CheckPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { job: CheckJob; resolve: (outcome: CheckReply) => void }[] = [];
  private readonly script = workerScript();
  private nextId = 1;
  private closed = false;
  /** Workers replaced after a check outlived its limit. */
  restarts = 0;

  /**
   * Starts the workers.
   * @param setup The rule set and language.
   * @param size How many workers.
   * @param hardLimitMs Past this, a check's worker is terminated (the engine stops itself at its
   *   budget first; this catches what it cannot stop, such as a PDF that pdf.js never finishes).
   */
  constructor(
    private readonly setup: PoolSetup,
    readonly size: number,
    private readonly hardLimitMs: number,
  ) {
    for (let index = 0; index < size; index += 1) this.slots.push(this.startSlot());
  }

  private startSlot(): Slot {
    const slot: Slot = { worker: new Worker(this.script, { workerData: this.setup }) };
    slot.worker.on('message', (reply: CheckReply) => {
      const running = slot.job;
      if (running?.job.id !== reply.id) return;
      clearTimeout(running.timer);
      slot.job = undefined;
      running.resolve(reply);
      this.dispatch();
    });
    slot.worker.on('error', () => {
      // A worker that dies (out of memory…) fails its check like a timeout, and is replaced.
      this.replace(slot, 'internal_error', '检查程序异常退出，已重新启动 / the check worker died and was restarted');
    });
    return slot;
  }

  private replace(slot: Slot, code: 'time_limit_exceeded' | 'internal_error', message: string): void {
    const running = slot.job;
    slot.job = undefined;
    void slot.worker.terminate();
    if (running !== undefined) {
      clearTimeout(running.timer);
      running.resolve({ id: running.job.id, ok: false, code, message });
    }
    if (this.closed) return;
    this.restarts += 1;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = this.startSlot();
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job !== undefined) continue;
      const next = this.queue.shift();
      if (next === undefined) return;
      const seconds = this.hardLimitMs / 1000;
      const timer = setTimeout(() => {
        this.replace(slot, 'time_limit_exceeded', `检查超过 ${seconds} 秒仍未结束，已停止 / the check ran past ${seconds} s and was stopped`);
      }, this.hardLimitMs);
      slot.job = { job: next.job, resolve: next.resolve, timer };
      const copy = next.job.bytes;
      slot.worker.postMessage(next.job, [copy]);
    }
  }

  /** Checks waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Checks a document on the next free worker.
   * @param job The check, without its id.
   */
  check(job: Omit<CheckJob, 'id'>): Promise<CheckReply> {
    return new Promise((resolve) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, resolve });
      this.dispatch();
    });
  }

  /** Stops every worker (checks still queued are answered as stopped). */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) waiting.resolve({ id: waiting.job.id, ok: false, code: 'internal_error', message: '服务正在停止 / the service is stopping' });
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
