// Reading documents from disk: UTF-8 (with or without BOM) only for now;
// anything else is reported with its path and reason, never guessed at.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

export interface SourceDocument {
  id: string;
  path: string;
  text: string;
}

export class DocumentError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'DocumentError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decode(bytes: Uint8Array, path: string): string {
  if (bytes.length === 0) throw new DocumentError(path, 'empty file');
  if (bytes.includes(0)) throw new DocumentError(path, 'binary file (contains NUL bytes)');
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DocumentError(path, 'not valid UTF-8');
  }
}

export function documentId(path: string): string {
  return basename(path, extname(path));
}

export function readDocumentFile(path: string): SourceDocument {
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) throw new DocumentError(path, 'is a directory');
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    throw new DocumentError(path, (e as NodeJS.ErrnoException).code ?? String(e));
  }
  return { id: documentId(path), path, text: decode(bytes, path) };
}

/** Files named on the command line; a directory stands for the .txt files in it, sorted. */
export function expandInputs(inputs: readonly string[]): string[] {
  return inputs.flatMap((p) => {
    try {
      if (statSync(p).isDirectory())
        return readdirSync(p)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => join(p, f));
    } catch {
      // reported when the file is read
    }
    return [p];
  });
}
