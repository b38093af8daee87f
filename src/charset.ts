// A set of characters for the loops that visit every character of a
// document. It is a bitmap over UTF-16 code units read with charCodeAt:
// text[i] would allocate a string per CJK character, and a Set or Map lookup
// costs a hash per character.
export class CharSet {
  private readonly bits = new Uint32Array(65536 / 32);

  constructor(chars: Iterable<string> = []) {
    for (const ch of chars) if (ch.length === 1) this.add(ch.charCodeAt(0));
  }

  add(code: number): void {
    this.bits[code >>> 5]! |= 1 << (code & 31);
  }

  /** False for NaN, which charCodeAt returns past the end of a text. */
  has(code: number): boolean {
    return code < 65536 && (this.bits[code >>> 5]! & (1 << (code & 31))) !== 0;
  }
}
