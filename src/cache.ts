// A content-addressed cache in the temp directory, shared by every process
// and worker thread: what start-up derives from rules/ is computed once per
// version of the rules, not once per thread.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

const hashOf = (body: string) => createHash('sha1').update(body).digest('hex').slice(0, 12);

/**
 * Writes `body` to `file` unless it is there already. Written under a private
 * name and renamed into place, so a thread that finds the file never reads it
 * half-written by another.
 */
function writeOnce(file: string, body: string): void {
  if (existsSync(file)) return;
  const tmp = `${file}.${process.pid}.${threadId}.tmp`;
  try {
    writeFileSync(tmp, body);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * The path of a file in the temp directory named by the hash of `key`,
 * written once with `body()` (safely, whatever other threads do at the time).
 */
export function cacheFile(kind: string, key: string, body: () => string = () => key): string {
  const file = join(tmpdir(), `zhextract-${kind}-${hashOf(key)}.utf8`);
  if (!existsSync(file)) writeOnce(file, body());
  return file;
}

/**
 * YAML text parsed, through a JSON copy cached in the temp directory: the
 * yaml parser needs about 0.3 s for rules/ (bodies.yaml above all), paid by
 * every worker thread at start-up; JSON.parse needs milliseconds. The data
 * always goes through JSON, cached or not, so every run sees the same values.
 */
export function parseYaml(text: string): unknown {
  const file = join(tmpdir(), `zhextract-yaml-${hashOf(text)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // not cached yet (or unreadable): parse and cache
  }
  // Loaded only on a cache miss: importing the yaml library alone costs a worker tens of milliseconds.
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const json = JSON.stringify(parse(text) ?? null);
  try {
    writeOnce(file, json);
  } catch {
    // a read-only temp directory only costs the next start-up the parse
  }
  return JSON.parse(json);
}
