// Stage 3: word segmentation and POS tags. The pipeline depends on the
// Segmenter interface only; the nodejieba adapter is the one implementation,
// loaded once per process with a user dictionary generated from rules/.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cacheFile } from './cache.js';
import { lowerBound } from './memo.js';
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
  // Body names stay whole (省发展改革委 is not 委和省 + …), with the one-character region prefixes.
  for (const w of r.bodies.national.words) if (w.length > 1) words.add(w);
  for (const w of r.bodies.departments.words) {
    if (w.length > 1) words.add(w);
    for (const prefix of r.regions.prefixes.words) words.add(prefix + w);
  }
  return [...words].sort();
}

/** The frequencies nodejieba's own dictionary (`word freq tag` lines) gives to `words`. */
function frequencies(dictionary: string, words: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(dictionary, 'utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    if (word && freq && words.has(word)) out.set(word, freq);
  }
  return out;
}

/**
 * A user word without a frequency gets cppjieba's median weight, which for a
 * common word (提高) is far below its own: 强度提高 would then split as
 * 强/度提高. Words nodejieba already knows keep their frequency, with our tag.
 */
function writeUserDictionary(mainDictionary: string): string {
  const r = rules();
  const verbs = new Set([...r.verbs.quantity.words, ...r.verbs.modal.words, ...r.verbs.actions.words]);
  const bodies = new Set([...r.bodies.national.words, ...r.bodies.departments.words]);
  // 同比增长, 年均增长: a cue ending in a verb is a verb.
  const isVerb = (w: string) => verbs.has(w) || (r.verbs.quantity.matchBefore(w, w.length)?.word.length ?? 0) > 1;
  const tagOf = (w: string) => (isVerb(w) ? 'v' : bodies.has(w) || bodies.has(w.slice(1)) ? 'nt' : 'n');
  const words = userDictionaryWords();
  const key = `${mainDictionary}\n` + words.map((w) => `${w} ${tagOf(w)}`).join('\n');
  return cacheFile('userdict', key, () => {
    const freq = frequencies(mainDictionary, new Set(words));
    return words.map((w) => (freq.has(w) ? `${w} ${freq.get(w)} ${tagOf(w)}` : `${w} ${tagOf(w)}`)).join('\n') + '\n';
  });
}

interface NodeJieba {
  DEFAULT_DICT: string;
  load(options: { userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  tag(sentence: string): { word: string; tag: string }[];
}

let jieba: NodeJieba | undefined;
function loadJieba(): NodeJieba {
  if (jieba) return jieba;
  const require = createRequire(import.meta.url);
  const lib = require('nodejieba') as NodeJieba;
  // Keyword extraction is never used: one-line IDF and stop-word files save a fifth of the start-up.
  lib.load({ userDict: writeUserDictionary(lib.DEFAULT_DICT), idfDict: cacheFile('idf', '的 1.0\n'), stopWordDict: cacheFile('stop', '的\n') });
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

/**
 * Tokens of a document: the whole text is tagged in one call on first use
 * (one call costs far less than one per sentence), then handed out sentence
 * by sentence.
 */
export class TokenIndex {
  private all: Token[] | undefined;
  /** 1 + the index of the token starting at each position, 0 for none: asked at most positions (bodies, numerals), so an array, not a Map. */
  private starts: Int32Array | undefined;
  private readonly bySentence = new Map<number, Token[]>();
  constructor(
    private readonly text: string,
    private readonly sentences: readonly { start: number; end: number }[],
    private readonly segmenter: Segmenter,
  ) {}

  private tokens(): Token[] {
    if (!this.all) {
      this.all = this.segmenter.tag(this.text, 0, this.text.length);
      this.starts = new Int32Array(this.text.length + 1);
      this.all.forEach((t, k) => (this.starts![t.start] = k + 1));
    }
    return this.all;
  }

  private sentenceAt(pos: number): { start: number; end: number } | undefined {
    const s = this.sentences[lowerBound(this.sentences, pos + 1, (x) => x.end)];
    return s && s.start <= pos ? s : undefined;
  }

  /** The tokens of the sentence holding `pos` ([] outside sentences). */
  tokensAt(pos: number): Token[] {
    const s = this.sentenceAt(pos);
    if (!s) return [];
    let tokens = this.bySentence.get(s.start);
    if (!tokens) {
      const all = this.tokens();
      tokens = [];
      for (let k = lowerBound(all, s.start, (t) => t.start); k < all.length && all[k]!.end <= s.end; k++) tokens.push(all[k]!);
      this.bySentence.set(s.start, tokens);
    }
    return tokens;
  }

  /** The token starting exactly at `pos`, if a word starts there. */
  tokenAt(pos: number): Token | undefined {
    const all = this.tokens();
    const k = pos >= 0 && pos < this.text.length ? this.starts![pos]! : 0;
    return k ? all[k - 1] : undefined;
  }

  isWordStart(pos: number): boolean {
    return this.tokenAt(pos) !== undefined;
  }
}
