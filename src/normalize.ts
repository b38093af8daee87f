// Stage 1: text normalization. Every replacement maps one UTF-16 unit to one
// UTF-16 unit, so an offset into the normalized text is the same offset into
// the input as given: no offset map is needed and none can go stale.
const FULLWIDTH_START = 0xff01; // ！
const FULLWIDTH_END = 0xff5e; // ～
/**
 * The characters that change: full-width forms except the clause punctuation
 * of Chinese prose (！，：；？（）, kept as they are), odd spaces and dashes.
 * One regex pass finds them, so a document is not rebuilt character by character.
 */
const REPLACED = /(?![！，：；？（）])[\uff01-\uff5e\u3000\u00a0\ufeff\r\t\u2012-\u2015]/g;

function replacement(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= FULLWIDTH_START && code <= FULLWIDTH_END) return String.fromCharCode(code - 0xfee0); // １２％ → 12%
  if (code >= 0x2012 && code <= 0x2015) return '—'; // dashes of every width read as one range dash
  return ' ';
}

export function normalizeText(input: string): string {
  return input.replace(REPLACED, replacement);
}
