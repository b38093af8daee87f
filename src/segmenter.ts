// Stage 3: word segmentation and POS tags. The pipeline depends on the
// Segmenter interface only; the nodejieba adapter is the one implementation,
// loaded once per process with a user dictionary generated from rules/.
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rules } from './rules.js';

export interface Token {
  word: string;
  /** nodejieba's POS tag (n, v, vn, m, x …). Noisy: lexicons lead, tags confirm. */
  tag: string;
  start: number;
  end: number;
}

export interface Segmenter {
  /** Tokens of text.slice(start, end), with offsets into `text`. */
  tag(text: string, start: number, end: number): Token[];
}

/** The words of rules/ that must stay whole (verbs, cues, multi-character units). */
export function userDictionaryWords(): string[] {
  const r = rules();
  const lexicons = [
    r.verbs.quantity,
    r.verbs.modal,
    r.units,
    r.change.increase,
    r.change.decrease,
    r.role.target,
    r.role.actual,
    r.role.targetWeak,
    r.role.actualWeak,
    r.qualifiersBefore,
    r.qualifiersAfter,
  ];
  const words = new Set<string>();
  for (const lex of lexicons) for (const w of lex.words) if (w.length > 1 && !/[0-9a-zA-Z/%]/.test(w)) words.add(w);
  return [...words].sort();
}

function writeUserDictionary(): string {
  const verbs = new Set([...rules().verbs.quantity.words, ...rules().verbs.modal.words]);
  const lines = userDictionaryWords().map((w) => `${w} ${verbs.has(w) ? 'v' : 'n'}`);
  const body = lines.join('\n') + '\n';
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 12);
  const file = join(tmpdir(), `zhextract-userdict-${hash}.utf8`);
  // Content-addressed: concurrent workers write identical bytes, so no lock is needed.
  if (!existsSync(file)) writeFileSync(file, body);
  return file;
}

interface NodeJieba {
  load(options: { userDict?: string }): void;
  tag(sentence: string): { word: string; tag: string }[];
}

let jieba: NodeJieba | undefined;
function loadJieba(): NodeJieba {
  if (jieba) return jieba;
  const require = createRequire(import.meta.url);
  const lib = require('nodejieba') as NodeJieba;
  lib.load({ userDict: writeUserDictionary() });
  return (jieba = lib);
}

export const jiebaSegmenter: Segmenter = {
  tag(text, start, end) {
    const slice = text.slice(start, end);
    const out: Token[] = [];
    let pos = 0;
    for (const { word, tag } of loadJieba().tag(slice)) {
      // cppjieba returns the input split into words; indexOf guards against dropped characters.
      const at = slice.startsWith(word, pos) ? pos : slice.indexOf(word, pos);
      if (at < 0) continue;
      out.push({ word, tag, start: start + at, end: start + at + word.length });
      pos = at + word.length;
    }
    return out;
  },
};
