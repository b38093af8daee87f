// Reading documents: files (UTF-8 with or without BOM, UTF-16 with BOM,
// GB18030/GBK) and JSON Lines records. Anything that cannot be read as text
// is reported with its path and reason — never guessed at, never decoded with
// replacement characters.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join } from 'node:path';
import iconv from 'iconv-lite';
import { globSync } from 'tinyglobby';

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

/** Larger files are refused up front: V8 strings stop at ~512 M UTF-16 units, and extraction needs ~25× the input in memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Offset of the first byte where `a` and `b` differ (or the shorter length). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

function where(bytes: Uint8Array, offset: number): string {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return `byte ${offset} (line ${line})`;
}

/** Decodes with a fatal decoder; on failure names the first bad byte, found by re-encoding the lenient decoding. */
function strict(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', skip: number, path: string): string {
  const body = bytes.subarray(skip);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    const lenient = new TextDecoder(encoding).decode(body);
    let bad: number;
    if (encoding === 'utf-8') bad = firstDifference(body, Buffer.from(lenient, 'utf8'));
    else {
      // Every UTF-16 code unit before the first U+FFFD took two bytes; no U+FFFD means a dangling odd byte.
      const at = lenient.indexOf('\uFFFD');
      bad = at >= 0 ? 2 * at : body.length - 1;
    }
    throw new DocumentError(path, `undecodable ${encoding.toUpperCase()} at ${where(bytes, skip + bad)}`);
  }
}

/**
 * Bytes to text. A BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-8 if it
 * is valid, else GB18030 (a superset of GBK and GB2312) if the bytes
 * round-trip through it exactly. Text that is mostly UTF-8 with a few bad
 * bytes is reported as damaged UTF-8 rather than read as GB18030 mojibake.
 */
export function decodeBytes(bytes: Uint8Array, path: string): { text: string; encoding: Encoding } {
  if (bytes.length === 0) throw new DocumentError(path, 'empty file');
  let decoded: { text: string; encoding: Encoding };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = { text: strict(bytes, 'utf-16le', 2, path), encoding: 'utf-16le' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = { text: strict(bytes, 'utf-16be', 2, path), encoding: 'utf-16be' };
  else if (bytes.includes(0)) throw new DocumentError(path, 'binary file (contains NUL bytes; UTF-16 text needs a byte-order mark)');
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) decoded = { text: strict(bytes, 'utf-8', 3, path), encoding: 'utf-8' };
  else decoded = utf8OrGb18030(bytes, path);
  if (decoded.text.length === 0) throw new DocumentError(path, 'empty file (only a byte-order mark)');
  if (decoded.text.includes('\u0000')) throw new DocumentError(path, 'binary file (contains NUL characters)');
  if (looksBinary(decoded.text)) throw new DocumentError(path, 'binary file (mostly control characters)');
  return decoded;
}

function utf8OrGb18030(bytes: Uint8Array, path: string): { text: string; encoding: Encoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // fall through: not valid UTF-8
  }
  // How much of the non-ASCII text is valid UTF-8? GBK read as UTF-8 is nearly all U+FFFD.
  const lenient = Buffer.from(bytes).toString('utf8');
  let bad = 0;
  let nonAscii = 0;
  for (let i = 0; i < lenient.length; i++) {
    const c = lenient.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) nonAscii++;
  }
  if (nonAscii > 4 * bad) {
    const at = firstDifference(bytes, Buffer.from(lenient, 'utf8'));
    throw new DocumentError(path, `undecodable UTF-8 at ${where(bytes, at)}`);
  }
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  const back = iconv.encode(text, 'gb18030');
  if (back.length === bytes.length && firstDifference(bytes, back) === bytes.length) return { text, encoding: 'gb18030' };
  throw new DocumentError(path, `undecodable bytes at ${where(bytes, firstDifference(bytes, back))} (neither UTF-8 nor GB18030)`);
}

/** More than 10% C0 control characters (other than tab, newlines, form feed) in the first 4,096: not prose. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  return control * 10 > n;
}

/** Kept for callers that only need the text. */
export function decode(bytes: Uint8Array, path: string): string {
  return decodeBytes(bytes, path).text;
}

export function documentId(path: string): string {
  return basename(path, extname(path));
}

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory',
    ELOOP: 'too many symbolic links',
    EIO: 'input/output error',
  };
  if (code && known[code]) return `${known[code]} (${code})`;
  return code ?? (e instanceof Error ? e.message : String(e));
}

export function readDocumentFile(path: string): SourceDocument & { bytes: number; encoding: Encoding } {
  let bytes: Uint8Array;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new DocumentError(path, 'is a directory');
    // A FIFO or a device (/dev/zero) could block or never end: only regular files are read.
    if (!st.isFile()) throw new DocumentError(path, 'not a regular file');
    if (st.size > MAX_FILE_BYTES) throw new DocumentError(path, `file too large (${st.size} bytes; the limit is ${MAX_FILE_BYTES})`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    throw new DocumentError(path, reasonOf(e));
  }
  const { text, encoding } = decodeBytes(bytes, path);
  return { id: documentId(path), path, text, bytes: bytes.length, encoding };
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Files named on the command line, in the order given: a directory stands
 * for the .txt entries in it (sorted; an entry that is itself a directory is
 * kept so that it is reported), and a pattern such as `archive/**\/*.txt`
 * for the files it matches (sorted). A path named twice is read once; a
 * pattern that matches nothing stays as it is and is reported when read.
 */
export function expandInputs(inputs: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (p: string) => {
    if (seen.has(p)) return;
    seen.add(p);
    out.push(p);
  };
  for (const p of inputs) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // reported when the file is read, or expanded as a pattern below
    }
    if (isDir) {
      let names: string[] = [];
      try {
        names = readdirSync(p).filter((f) => f.endsWith('.txt')).sort();
      } catch {
        add(p); // unreadable directory: reported when read
      }
      for (const f of names) add(join(p, f));
    } else if (GLOB_CHARS.test(p) && !existsSync(p)) {
      const matches = globSync(p, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(p) }).sort();
      if (matches.length) matches.forEach(add);
      else add(p);
    } else add(p);
  }
  return out;
}

/** One line of a JSON Lines input: {"id": ..., "text": ...}; `id` defaults to the line number. */
export function parseJsonLine(line: Uint8Array, lineNo: number): SourceDocument {
  const path = `<stdin>:${lineNo}`;
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(line);
  } catch {
    throw new DocumentError(path, `undecodable UTF-8 at ${where(line, firstDifference(line, Buffer.from(Buffer.from(line).toString('utf8'), 'utf8')))} of the line`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    throw new DocumentError(path, `not JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DocumentError(path, 'not a JSON object');
  const { id, text } = value as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') throw new DocumentError(path, '"text" must be a string');
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') throw new DocumentError(path, '"id" must be a string or a number');
  return { id: id === undefined || id === null ? String(lineNo) : String(id), path, text };
}

/** Splits a byte stream at \n without decoding (so bad bytes stay visible per line); drops a trailing \r. */
export async function* byteLines(stream: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let rest: Uint8Array[] = [];
  const line = (parts: Uint8Array[]) => {
    const b = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    return b.length && b[b.length - 1] === 0x0d ? b.subarray(0, b.length - 1) : b;
  };
  for await (const chunk of stream) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      rest.push(chunk.subarray(start, nl));
      yield line(rest);
      rest = [];
      start = nl + 1;
    }
    if (start < chunk.length) rest.push(chunk.subarray(start));
  }
  if (rest.length) yield line(rest);
}
