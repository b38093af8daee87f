// Stage 1: text normalization. Every replacement maps one UTF-16 unit to one
// UTF-16 unit, so an offset into the normalized text is the same offset into
// the input as given: no offset map is needed and none can go stale.
const FULLWIDTH_START = 0xff01; // ！
const FULLWIDTH_END = 0xff5e; // ～
/** Full-width forms that are clause punctuation in Chinese prose: kept as they are. */
const KEEP = new Set('！，：；？（）'.split(''));

export function normalizeText(input: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    const code = ch.charCodeAt(0);
    let rep = ch;
    if (code >= FULLWIDTH_START && code <= FULLWIDTH_END && !KEEP.has(ch)) {
      rep = String.fromCharCode(code - 0xfee0); // １２％ → 12%
    } else if (ch === '\u3000' || ch === '\u00a0' || ch === '\ufeff' || ch === '\r' || ch === '\t') {
      rep = ' ';
    } else if (ch === '\u2014' || ch === '\u2013' || ch === '\u2012' || ch === '\u2015') {
      rep = '—'; // dashes of every width read as one range dash
    }
    if (rep !== ch) changed = true;
    out += rep;
  }
  return changed ? out : input;
}
