// Runs tasks concurrently and yields their results in input order. Bounded:
// at most `concurrency` tasks run at once and at most `window` results wait
// for a slow one ahead of them, so memory stays flat however long the input.
// A finished result is yielded at once even while the source is still
// waiting for its next item (stdin in a pipe), so output flows as it comes.
export async function* mapOrdered<T, R>(
  source: AsyncIterable<T> | Iterable<T>,
  run: (item: T, index: number) => Promise<R>,
  concurrency: number,
  window = Math.max(16, concurrency * 8),
): AsyncGenerator<R> {
  const it = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source as Iterable<T>)[Symbol.iterator]();
  const done = new Map<number, R>();
  const ready: T[] = []; // at most one item pulled from the source and not yet started
  let running = 0;
  let submitted = 0;
  let emitted = 0;
  let exhausted = false;
  let pulling = false;
  let failed = null as { error: unknown } | null; // set by pull(); `as` keeps TypeScript from narrowing it to null
  let wake: (() => void) | null = null;

  const pull = () => {
    pulling = true;
    Promise.resolve(it.next()).then(
      (n) => {
        if (n.done) exhausted = true;
        else ready.push(n.value);
      },
      (error: unknown) => (failed = { error }),
    ).finally(() => {
      pulling = false;
      wake?.();
    });
  };

  for (;;) {
    if (failed) throw failed.error;
    if (done.has(emitted)) {
      const r = done.get(emitted)!;
      done.delete(emitted++);
      yield r;
      continue;
    }
    if (exhausted && !pulling && ready.length === 0 && emitted === submitted) return;
    const room = running < concurrency && submitted - emitted < window;
    if (room && ready.length) {
      const index = submitted++;
      running++;
      // `run` must not reject: a failure is a result like any other.
      void run(ready.shift()!, index).then((r) => {
        running--;
        done.set(index, r);
        wake?.();
      });
      continue;
    }
    if (room && !exhausted && !pulling) pull();
    // Sleep until a task finishes or the source delivers; every state change above is re-checked on waking.
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}
