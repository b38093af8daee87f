// Atomic file output: write a temporary file beside the target, then rename,
// so an interrupted run never leaves a half-written table. Temporary files
// still open when the process is interrupted are removed by abortPending().
import { createWriteStream, mkdirSync, openSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

let counter = 0;
const tempName = (path: string) => `${path}.${process.pid}.${++counter}.tmp`;

export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempName(path);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

const pending = new Set<AtomicFile>();

/** A file written as a stream: invisible under its name until commit(). */
export class AtomicFile {
  readonly tmp: string;
  readonly stream: WriteStream;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = tempName(path);
    // Opened synchronously, so the temporary file exists from here on and abort() can always remove it.
    this.stream = createWriteStream(this.tmp, { fd: openSync(this.tmp, 'wx') });
    pending.add(this);
  }

  async commit(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
    renameSync(this.tmp, this.path);
    pending.delete(this);
  }

  abort(): void {
    this.stream.destroy();
    rmSync(this.tmp, { force: true });
    pending.delete(this);
  }
}

/** Removes every temporary file not yet committed (on SIGINT, or after a fatal error). */
export function abortPending(): void {
  for (const f of [...pending]) f.abort();
}

/** Writes with back-pressure: waits for 'drain' when the stream's buffer is full, so a slow reader bounds memory. */
export async function put(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}
