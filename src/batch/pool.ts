// The worker pool behind `zhextract extract --jobs N`: piscina threads, each
// with its own nodejieba dictionary (nodejieba is a per-environment N-API
// addon, so threads neither share nor race on it). A document that runs past
// the timeout has its worker terminated and is reported; piscina starts a
// fresh worker in its place.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BroadcastChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { closeGate, newGate, stopTask } from './gate.js';
import { failure, type Outcome, type Task } from './task.js';

export interface WorkerInput {
  task: Task;
  /**
   * The worker posts [seq, its gate slot] on this BroadcastChannel as it starts the task, so
   * time spent queued or waiting for a worker to start does not count against
   * the timeout. One channel per pool, not one per task: per-task
   * MessageChannels cost native memory that a long stream kept piling up.
   */
  started?: { channel: string; seq: number };
}

export function defaultJobs(): number {
  return availableParallelism();
}

function workerFile(): string {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here.href;
  // Imported from src/ (vitest runs the TypeScript): use the compiled worker.
  return new URL('../../dist/src/batch/worker.js', import.meta.url).href;
}

let pools = 0;

/** Per worker; measured with the 12 MB benchmark corpus: 16 → 64 MB cut a run's CPU time by a fifth, for ~50 MB more RSS per worker. */
const YOUNG_GENERATION_MB = 64;

export class BatchPool {
  private readonly pool: Piscina<WorkerInput, Outcome>;
  private readonly channelName = `zhextract-started-${process.pid}-${++pools}`;
  private readonly channel: BroadcastChannel | null = null;
  private readonly waiting = new Map<number, (slot: number) => void>();
  /** Shared with the workers: see gate.ts for why a worker may only be terminated outside nodejieba. */
  private readonly gate = newGate();
  private seq = 0;
  /** Set when a worker fails outside any task (cannot start): every document then fails with it, rather than wait forever. */
  private broken: Error | null = null;
  private readonly inFlight = new Set<AbortController>();
  private closing = false;

  constructor(
    readonly jobs: number,
    /** Per-document limit in milliseconds; 0 for none. */
    private readonly timeoutMs: number,
  ) {
    // Every thread starts at once, so the dictionaries load in parallel (callers size `jobs`
    // to the work: one file gets one thread).
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: jobs,
      maxThreads: jobs,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      // A document's tokens and records die young, but with V8's default young generation a worker
      // promotes them to the old one and collects them there: a quarter of a worker's CPU went to
      // garbage collection, and on a machine whose cores all run workers that time comes out of
      // extraction. A larger young generation lets them die where collecting them is cheap.
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      workerData: { gate: this.gate.buffer },
    });
    this.pool.on('error', (e: Error) => {
      if (this.closing) return; // a replacement worker cut short by destroy()
      this.broken ??= e;
      for (const a of this.inFlight) a.abort();
    });
    if (timeoutMs) {
      this.channel = new BroadcastChannel(this.channelName);
      this.channel.unref();
      this.channel.onmessage = (e) => {
        const [seq, slot] = (e as { data: [number, number] }).data;
        this.waiting.get(seq)?.(slot);
      };
    }
  }

  async run(task: Task): Promise<Outcome> {
    const brokenOutcome = () => failure(task.path, `a worker thread could not start: ${this.broken!.message}`);
    if (this.broken) return brokenOutcome();
    const seq = ++this.seq;
    const abort = new AbortController();
    this.inFlight.add(abort);
    const timedOut = failure(task.path, `timed out after ${this.timeoutMs / 1000} s (see --timeout); the document was skipped`);
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    if (this.timeoutMs) this.waiting.set(seq, (slot) => {
      timer = setTimeout(() => {
        // Terminate only once the worker is out of nodejieba and can no longer enter it.
        void stopTask(this.gate, slot, seq).then((ok) => {
          if (!ok) return; // finished just in time: its own result stands
          stopped = true;
          abort.abort();
        });
      }, this.timeoutMs);
    });
    try {
      const started = this.channel ? { channel: this.channelName, seq } : undefined;
      const outcome = await this.pool.run({ task, started }, { signal: abort.signal });
      return stopped ? timedOut : outcome;
    } catch (e) {
      return stopped ? timedOut : this.broken ? brokenOutcome() : failure(task.path, e);
    } finally {
      clearTimeout(timer);
      this.waiting.delete(seq);
      this.inFlight.delete(abort);
    }
  }

  /** Ends the pool; waits for any worker inside nodejieba to come out first (see gate.ts). */
  async destroy(): Promise<void> {
    this.closing = true;
    this.channel?.close();
    await closeGate(this.gate);
    await this.pool.destroy();
  }
}
