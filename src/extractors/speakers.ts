// Extractor: speaker records and turn kinds for a transcript's turns.
// Titles and organizations come from where the text introduces a person
// (…省发展改革委副主任、新闻发言人王栋先生…, 国务院总理李克强).
import { rules } from '../rules.js';
import type { Speaker, Turn } from '../schema.js';
import type { RawTurn } from './turns.js';

/** Clause punctuation that ends an introduction chunk (、 does not: 副主任、新闻发言人). */
const CHUNK_END = /[，,。；;：:！？\n（）()]/;
const LEADING_CUES = /^(?:今天|我们|邀请了?|请|有|由|出席|参加|发布会的?|的|是|和|及|以及)+/;

interface Introduction {
  title: string | null;
  organization: string | null;
}

/** Reads `<organization><title><name>` wherever the name is introduced outside its own labels. */
function introductionOf(text: string, name: string, labelStarts: ReadonlySet<number>): Introduction {
  const t = rules().transcript;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (labelStarts.has(at)) continue;
    let from = at;
    while (from > 0 && at - from < 40 && !CHUNK_END.test(text[from - 1]!)) {
      // The previous person's honorific ends this person's chunk.
      if (t.honorifics.matchBefore(text, from)) break;
      from--;
    }
    const chunk = text.slice(from, at).replace(LEADING_CUES, '');
    for (let k = 0; k < chunk.length; k++) {
      const title = t.titles.matchAt(chunk, k);
      if (title) return { organization: chunk.slice(0, k).trim() || null, title: chunk.slice(k).trim() };
    }
  }
  return { title: null, organization: null };
}

/** In a 问/答 interview, the answerer the headline or introduction names (教育部负责人). */
function answererOf(text: string): { label: string; organization: string | null; title: string } | null {
  const head = text.slice(0, 800);
  for (const title of rules().transcript.answererTitles) {
    const re = new RegExp(`([\\u4e00-\\u9fff]{1,12}?)(${title})(?:就|答|接受)`);
    const m = re.exec(head);
    if (m) {
      const org = m[1]!.replace(/^.*?(?:——|—|、|，)/, '').replace(/(?:有关|相关)$/, '');
      return { label: org + title, organization: org || null, title };
    }
  }
  return null;
}

export interface SpeakerResult {
  speakers: Speaker[];
  turns: Turn[];
}

export function buildSpeakers(text: string, raw: readonly RawTurn[]): SpeakerResult {
  if (!raw.length) return { speakers: [], turns: [] };
  const t = rules().transcript;
  const answerer = raw.some((r) => r.label.kind === 'answer') ? answererOf(text) : null;
  const labelOf = (r: RawTurn) =>
    r.label.kind === 'question' ? '记者' : r.label.kind === 'answer' ? (answerer?.label ?? r.label.label) : r.label.label;

  // The host opens the conference: 主持人, or a person whose first turn welcomes and introduces.
  const first = raw[0]!;
  const firstText = text.slice(first.start, first.end);
  const hostLabel =
    raw.find((r) => r.label.host)?.label.label ??
    raw.find((r) => r.label.kind === 'host')?.label.label ??
    (first.label.kind === 'person' && t.hostCues.some((c) => firstText.includes(c)) ? first.label.label : null);

  const labelStarts = new Set(raw.map((r) => r.start));
  const byLabel = new Map<string, Speaker>();
  const turns: Turn[] = [];
  let lastQuestion = -1;
  let lastHost = -1;
  raw.forEach((r, k) => {
    const label = labelOf(r);
    let speaker = byLabel.get(label);
    if (!speaker) {
      speaker = makeSpeaker(text, r, label, hostLabel, answerer, labelStarts, `s${byLabel.size + 1}`);
      byLabel.set(label, speaker);
    }
    const id = `u${k + 1}`;
    speaker.turnIds.push(id);
    const isQuestion = speaker.role === 'reporter';
    const kind = isQuestion ? 'question' : speaker.role === 'official' && lastQuestion > lastHost ? 'answer' : 'statement';
    if (isQuestion) lastQuestion = k;
    if (speaker.role === 'host') lastHost = k;
    turns.push({ id, speaker: label, start: r.start, end: r.end, kind });
  });
  return { speakers: [...byLabel.values()], turns };
}

function makeSpeaker(
  text: string,
  r: RawTurn,
  label: string,
  hostLabel: string | null,
  answerer: ReturnType<typeof answererOf>,
  labelStarts: ReadonlySet<number>,
  id: string,
): Speaker {
  const base = { id, label, turnIds: [] as string[] };
  switch (r.label.kind) {
    case 'question':
    case 'reporter':
      return { ...base, name: null, title: null, organization: r.label.organization, role: 'reporter' };
    case 'answer':
      return { ...base, name: null, title: answerer?.title ?? null, organization: answerer?.organization ?? null, role: 'official' };
    case 'host':
      return { ...base, name: null, title: null, organization: r.label.organization, role: 'host' };
    case 'person': {
      const intro = introductionOf(text, r.label.label, labelStarts);
      return {
        ...base,
        name: r.label.label,
        title: intro.title,
        organization: r.label.organization ?? intro.organization,
        role: label === hostLabel ? 'host' : 'official',
      };
    }
  }
}
