// Why this exists: terminating a worker thread (a --timeout, or the end of a
// run) while it is inside a nodejieba call aborts the whole process —
// nodejieba (node-addon-api 5) throws a C++ Napi::Error when it builds its
// result in a terminating environment, and nothing catches it:
// "terminate called after throwing an instance of 'Napi::Error'", SIGABRT.
// So a worker is only ever terminated while it runs JavaScript: every
// nodejieba call in a worker passes a gate in shared memory that the main
// thread can close, and the main thread closes it (waiting out a native call
// in progress) before it terminates the worker.
//
// Shared Int32Array: [0] closing (1 = no worker may enter nodejieba again),
// [1] next free slot, [2 + slot] one word per worker: (task seq << 2) | state,
// state 0 = running JavaScript, 1 = inside nodejieba, 2 = stopped.
import { createRequire } from 'node:module';

export const GATE_SLOTS = 4096;
export const RUNNING = 0;
export const NATIVE = 1;
export const STOPPED = 2;
const SEQ_MASK = 0x1fffffff;

export const word = (seq: number, state: number) => ((seq & SEQ_MASK) << 2) | state;

export function newGate(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * (2 + GATE_SLOTS)));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Main thread: stops the worker in `slot` if it is still on task `seq`,
 * waiting while it is inside nodejieba. True when stopped (safe to
 * terminate); false when the worker has already moved past the task.
 */
export async function stopTask(gate: Int32Array, slot: number, seq: number): Promise<boolean> {
  const i = 2 + slot;
  for (;;) {
    const running = word(seq, RUNNING);
    const prev = Atomics.compareExchange(gate, i, running, word(seq, STOPPED));
    if (prev === running || prev === word(seq, STOPPED)) return true;
    if (prev !== word(seq, NATIVE)) return false;
    await sleep(5);
  }
}

/** Main thread: closes the gate for every worker, present and future; resolves when none is inside nodejieba. */
export async function closeGate(gate: Int32Array): Promise<void> {
  Atomics.store(gate, 0, 1);
  const slots = Math.min(Atomics.load(gate, 1), GATE_SLOTS);
  for (let s = 0; s < slots; s++)
    for (;;) {
      const w = Atomics.load(gate, 2 + s);
      if ((w & 3) === NATIVE) await sleep(5);
      else if (Atomics.compareExchange(gate, 2 + s, w, (w & ~3) | STOPPED) === w) break;
    }
}

/** Worker side: the slot of this worker and the task it runs. */
export class WorkerGate {
  private readonly slot: number;
  private depth = 0;

  constructor(private readonly gate: Int32Array) {
    this.slot = Atomics.add(gate, 1, 1);
  }

  get id(): number {
    return this.slot;
  }

  private get index(): number | null {
    return this.slot < GATE_SLOTS ? 2 + this.slot : null; // beyond the table: ungated (thousands of replaced workers)
  }

  beginTask(seq: number): void {
    const i = this.index;
    if (i !== null) Atomics.store(this.gate, i, word(seq, RUNNING));
  }

  /** Wraps every function of the nodejieba module so that calls pass the gate (nested calls count once). */
  install(): void {
    const lib = createRequire(import.meta.url)('nodejieba') as Record<string, unknown>;
    for (const [name, f] of Object.entries(lib)) {
      if (typeof f !== 'function') continue;
      const gate = this;
      lib[name] = function (this: unknown, ...args: unknown[]) {
        gate.enter();
        try {
          return (f as (...a: unknown[]) => unknown).apply(this, args);
        } finally {
          gate.leave();
        }
      };
    }
  }

  private enter(): void {
    const i = this.index;
    if (i === null || this.depth++ > 0) return;
    const w = Atomics.load(this.gate, i);
    if ((w & 3) !== RUNNING || Atomics.compareExchange(this.gate, i, w, (w & ~3) | NATIVE) !== w || Atomics.load(this.gate, 0) === 1) {
      // Stopped (timeout) or closing (shutdown): never enter native code now; the thread is about to be terminated.
      if ((Atomics.load(this.gate, i) & 3) === NATIVE) Atomics.store(this.gate, i, (w & ~3) | STOPPED);
      this.depth--;
      throw new Error('stopped: the document ran past the timeout or zhextract is shutting down');
    }
  }

  private leave(): void {
    const i = this.index;
    if (i === null || --this.depth > 0) return;
    const w = Atomics.load(this.gate, i);
    // Back to JavaScript; if the main thread asked to stop meanwhile it waits for exactly this.
    if ((w & 3) === NATIVE) Atomics.compareExchange(this.gate, i, w, (w & ~3) | RUNNING);
  }
}
