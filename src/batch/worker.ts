// Worker thread of the batch pool (piscina). Importing this module loads the
// rules and the nodejieba dictionary once per worker, before the first task,
// so every worker pays the ~1.5 s dictionary load exactly once, in parallel.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BroadcastChannel } from 'node:worker_threads';
import { workerData } from 'piscina';
import { extract } from '../extract.js';
import { WorkerGate } from './gate.js';
import type { WorkerInput } from './pool.js';
import { runTask, type Outcome } from './task.js';

// Before the first nodejieba call: every call passes the gate (see gate.ts).
const gate = new WorkerGate(new Int32Array((workerData as { gate: SharedArrayBuffer }).gate));
gate.install();

try {
  extract('预热：新增2个。');
} catch (e) {
  // A worker started while the pool shuts down finds the gate closed: nothing to warm up for.
  if (Atomics.load(new Int32Array((workerData as { gate: SharedArrayBuffer }).gate), 0) !== 1) throw e;
}

// A busy worker never idles, so V8 lets garbage pile up in the old generation
// for a long time (RSS kept climbing by several MB per 1,000 small documents).
// A full collection when the old generation has grown by GARBAGE_SLACK since
// the last one — at most once per GC_INTERVAL_MS of work, so that large
// documents, which grow it quickly, do not pay a collection each — keeps a
// long stream flat. `gc` is exposed the way jest's leak detector does it:
// the flag, then a fresh context that has the function.
const GARBAGE_SLACK = 8 * 2 ** 20;
const GC_INTERVAL_MS = 1000;
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;
const oldGeneration = () =>
  getHeapSpaceStatistics().reduce((n, s) => (s.space_name === 'old_space' || s.space_name === 'large_object_space' ? n + s.space_used_size : n), 0);
let floor = oldGeneration();
let lastGc = performance.now();

function collectGarbage(): void {
  if (!gc || performance.now() - lastGc < GC_INTERVAL_MS || oldGeneration() <= floor + GARBAGE_SLACK) return;
  gc();
  floor = oldGeneration();
  lastGc = performance.now();
}

const channels = new Map<string, BroadcastChannel>();
function announce(name: string, message: [number, number]): void {
  let c = channels.get(name);
  if (!c) {
    channels.set(name, (c = new BroadcastChannel(name)));
    c.unref();
  }
  c.postMessage(message);
}

export default function work({ task, started }: WorkerInput): Outcome {
  if (started) {
    gate.beginTask(started.seq);
    announce(started.channel, [started.seq, gate.id]);
  }
  const outcome = runTask(task);
  collectGarbage();
  return outcome;
}
