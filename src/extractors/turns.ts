// Extractor: transcript turns. A turn starts where a speaker's label stands
// alone on a line (王栋, 山东科技报记者) or opens a line before a colon
// (李克强：, 《人民日报》记者：, 王栋（省发展改革委）：, 问：/答：). Line
// structure decides; POS tags are no help here (nodejieba tags 王栋 as x).
import { rules } from '../rules.js';
import type { Paragraph } from '../structure.js';

export type LabelKind = 'person' | 'reporter' | 'host' | 'question' | 'answer';

export interface Label {
  /** The speaker's label as written, without a parenthesised organization. */
  label: string;
  kind: LabelKind;
  /** Organization written with the label: the outlet of a reporter, 王栋（省发展改革委）. */
  organization: string | null;
  /** 主持人 邵晓岚：a person labelled as the host. */
  host?: boolean;
}

export interface RawTurn {
  label: Label;
  start: number;
  end: number;
}

const MAX_LABEL = 24;
const PAREN = /^(.+?)[（(]([^）)]+)[）)]$/;
const CJK_NAME = /^[\u4e00-\u9fff·]+$/;

/** Reads a label (the text before a colon, or a whole short line); null when it is not one. */
export function classifyLabel(raw: string): Label | null {
  const t = rules().transcript;
  let text = raw.trim();
  let organization: string | null = null;
  const paren = PAREN.exec(text);
  if (paren) {
    text = paren[1]!.trim();
    organization = paren[2]!.trim();
  }
  if (!text || text.length > MAX_LABEL) return null;
  // 主持人 邵晓岚, 主持人邵晓岚: the host, by name.
  for (const [word, r] of t.roleLabels) {
    if (r !== 'host' || !text.startsWith(word) || text.length === word.length) continue;
    const person = classifyLabel(text.slice(word.length));
    if (person?.kind === 'person') return { ...person, organization: person.organization ?? organization, host: true };
  }
  const role = t.roleLabels.get(text);
  if (role === 'host') return { label: text, kind: 'host', organization };
  if (text === '问' || text === '答') return { label: text, kind: text === '问' ? 'question' : 'answer', organization };
  if (role === 'reporter') return { label: text, kind: 'reporter', organization };
  const suffix = t.reporterSuffixes.find((s) => text.endsWith(s) && text.length > s.length);
  if (suffix) {
    const outlet = text.slice(0, -suffix.length).replace(/[《》“”"]/g, '');
    if (outlet.length <= 16 && !/[，。；,;！？]/.test(outlet)) return { label: text, kind: 'reporter', organization: organization ?? outlet };
  }
  // A person's name: a family name and one to three characters more.
  const surname = t.surnames.matchAt(text, 0);
  const longest = surname && surname.word.length > 1 ? 4 : 3;
  if (surname && CJK_NAME.test(text) && text.length > surname.word.length && text.length <= longest && !t.notNames.has(text))
    return { label: text, kind: 'person', organization };
  return null;
}

const COLON = /[：:]/;

/** The label opening a line, with the offset where the line starts; null for ordinary prose. */
function labelOfLine(text: string, p: Paragraph): Label | null {
  const line = text.slice(p.start, p.end).trim();
  const colon = line.search(COLON);
  if (colon > 0 && colon <= MAX_LABEL) {
    const label = classifyLabel(line.slice(0, colon));
    if (label) return label;
  }
  // A label alone on its line, without sentence punctuation.
  if (line.length <= 12 && !/[，。；,;！？!?、：:]/.test(line)) return classifyLabel(line);
  return null;
}

const APPENDIX = /^\s*附(?:件[0-9一二三四五六七八九十]*)?[：:\s]/;

function isMetadataLine(line: string): boolean {
  return rules().transcript.metadataPrefixes.some((m) => line.startsWith(m));
}

/**
 * Turns of a transcript, covering the body from the first label to the end
 * without gaps or overlaps. A document with fewer than two labelled turns
 * is no transcript and gets none.
 */
export function findTurns(text: string, paragraphs: readonly Paragraph[]): RawTurn[] {
  const starts: { label: Label; start: number }[] = [];
  paragraphs.forEach((p, k) => {
    const label = labelOfLine(text, p);
    if (!label) return;
    // A lone name above 发布日期 is a byline.
    const next = paragraphs[k + 1];
    if (next && isMetadataLine(text.slice(next.start, next.end).trim())) return;
    const lead = text.slice(p.start, p.end).search(/\S/);
    starts.push({ label, start: p.start + Math.max(0, lead) });
  });
  if (starts.length < 2 || new Set(starts.map((s) => s.label.label)).size < 2) return [];
  // 附：《…若干措施》（节选）: an appendix after the last turn is the document's own text, nobody's turn.
  const last = starts[starts.length - 1]!.start;
  const appendix = paragraphs.find((p) => p.start > last && APPENDIX.test(text.slice(p.start, p.end)));
  const textEnd = appendix?.start ?? text.length;
  return starts.map((s, k) => {
    let end = k + 1 < starts.length ? starts[k + 1]!.start : textEnd;
    while (end > s.start && /\s/.test(text[end - 1]!)) end--;
    return { label: s.label, start: s.start, end };
  });
}
