// Extractor: responsibility statements linking a body to a task. Three forms:
//   省工信厅牵头制定《…》           body + lead verb (+ verb) + task
//   由省商务厅负责…，A、B配合         由 + body + lead, and the partners after it
//   （农业农村部、工业和信息化部等负责） a note after a numbered task: every body in it,
//   （市科技局牵头，市财政局配合）     with the verb of its part of the note,
//   （责任单位：市经信局、市发改委）    or of the label the part comes under
import { rules } from '../rules.js';
import type { Paragraph, Span } from '../structure.js';
import type { BodyMention } from './bodies.js';

export interface RawResponsibility {
  mention: BodyMention;
  verb: string;
  object: string;
  start: number;
  end: number;
}

const CLAUSE_END = /[，,；;。！？\n]/;
/** A verb of drafting before a document's title, later in the sentence (起草了《若干措施》). */
const DRAFTED = /(?<=[，,])[^。！？\n]{0,40}?(?=(?:起草|制定|印发|出台|编制|发布)了?《)/;
/** A parenthesised note (bounded, so it cannot backtrack far); noteParts() keeps those that assign tasks. */
const NOTE = /[（(]([^（）()\n]{2,160})[）)]/g;
/** The label a part of a note comes under (责任单位：A、B) and the verb it gives. */
const LABEL = /^(?:主要)?(责任|牵头|配合|参与|协办)(?:单位|部门)[：:]/;
const LABEL_VERB: Record<string, string> = { 责任: '负责', 牵头: '牵头', 配合: '配合', 参与: '配合', 协办: '配合' };
/** A part of a note ending in its verb: A、B等负责, A牵头, B、C配合, A按职责分工负责. */
const PART_VERB = /(?:等)?(?:按职责分工|按职责)?(牵头负责|负责|牵头|配合)$/;

/** Each part of a note (split at ，；。) that assigns a task, with its verb. */
function noteParts(note: string, start: number): { start: number; end: number; verb: string }[] {
  const out: { start: number; end: number; verb: string }[] = [];
  let labelled: string | null = null;
  let from = 0;
  for (const part of note.split(/[，,；;。]/)) {
    const label = LABEL.exec(part);
    if (label) labelled = LABEL_VERB[label[1]!]!;
    const verb = PART_VERB.exec(part)?.[1] ?? labelled;
    if (verb) out.push({ start: start + from, end: start + from + part.length, verb });
    from += part.length + 1;
  }
  return out;
}
const NUMBERING = /^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|[0-9]+[.、．])/;
/** Adverbs that may stand between a body and its lead verb (省商务厅将牵头…). */
const BETWEEN = /^(?:将|要|会|还|也|主动|积极|具体|共同|统一|分别)*$/;

/** 负责人, 负责同志: a title, not a responsibility. */
function isTitle(text: string, at: number, lead: string): boolean {
  return /^(?:人|同志)/.test(text.slice(at + lead.length));
}

function clauseEndFrom(text: string, pos: number, limit: number): number {
  let i = pos;
  while (i < limit && !CLAUSE_END.test(text[i]!)) i++;
  return i;
}

/** The task a note is attached to: the numbered item's first sentence (（三）完善农机装备创新体系。). */
function taskOfNote(text: string, paragraph: Paragraph, noteStart: number): string {
  const line = text.slice(paragraph.start, noteStart);
  const numbered = NUMBERING.exec(line);
  const body = numbered ? line.slice(numbered[0].length) : line;
  const first = body.search(/[。；]/);
  return (first > 0 ? body.slice(0, first) : body).trim();
}

export function findResponsibilities(
  text: string,
  paragraphs: readonly Paragraph[],
  sentences: readonly Span[],
  mentions: readonly BodyMention[],
): RawResponsibility[] {
  const { leads, quantity, actions } = rules().verbs;
  /** The verb written at `at` (牵头 + 建立 = 牵头建立): the longer of an action verb and a quantity verb. */
  const verbAt = (at: number) => {
    const a = actions.matchAt(text, at);
    const q = quantity.matchAt(text, at);
    return a && (!q || a.word.length >= q.word.length) ? a : q;
  };
  const out: RawResponsibility[] = [];
  const noted = new Set<BodyMention>();
  const assigned = new Set<string>();
  const add = (r: RawResponsibility) => {
    const key = `${r.mention.start}|${r.verb}`;
    if (!assigned.has(key)) out.push(r);
    assigned.add(key);
  };

  // Notes, paragraphs and mentions are all in text order: one walk over each.
  let p = 0;
  let b = 0;
  for (const m of text.matchAll(NOTE)) {
    const start = m.index;
    const end = start + m[0].length;
    const parts = noteParts(m[1]!, start + 1);
    if (!parts.length) continue;
    while (p < paragraphs.length && paragraphs[p]!.end <= start) p++;
    const paragraph = paragraphs[p];
    if (!paragraph || paragraph.start > start) continue;
    const task = taskOfNote(text, paragraph, start);
    while (b < mentions.length && mentions[b]!.start <= start) b++;
    if (!task) continue;
    for (const part of parts) {
      for (let k = b; k < mentions.length && mentions[k]!.end <= part.end; k++) {
        const body = mentions[k]!;
        if (body.start < part.start) continue;
        noted.add(body);
        add({ mention: body, verb: part.verb, object: task, start, end });
      }
    }
  }

  for (let k = 0; k < mentions.length; k++) {
    const b = mentions[k]!;
    if (noted.has(b)) continue;
    // The lead verb follows the body, maybe after an adverb: 省商务厅将牵头实施….
    const limit = clauseEndFrom(text, b.end, text.length);
    let at = b.end;
    while (at < limit && at - b.end <= 6 && !leads.matchAt(text, at)) at++;
    const lead = leads.matchAt(text, at);
    if (!lead || !BETWEEN.test(text.slice(b.end, at)) || isTitle(text, at, lead.word)) continue;
    let verbEnd = at + lead.word.length;
    let verb = lead.word;
    const partners: BodyMention[] = [];
    if (lead.word === '会同') {
      // 会同省有关部门起草…: the partners come first, then the body's own verb; partners are 会同 in the task.
      let v = verbEnd;
      while (v < limit && !verbAt(v)) v++;
      if (!verbAt(v)) continue;
      for (let j = k + 1; j < mentions.length && mentions[j]!.end <= v; j++) partners.push(mentions[j]!);
      // …会同有关部门深入开展调研，…，起草了《若干措施》: the deed that yields a document is the task.
      const drafted = DRAFTED.exec(text.slice(v, v + 120));
      if (drafted) v += drafted.index + drafted[0].length;
      const own = verbAt(v)!;
      verb = own.word;
      verbEnd = v + own.word.length;
    } else {
      const next = verbAt(verbEnd);
      if (next) {
        verb += next.word;
        verbEnd += next.word.length;
      }
    }
    const objectEnd = clauseEndFrom(text, verbEnd, text.length);
    const object = text.slice(verbEnd, objectEnd).replace(/^[了的]/, '').trim();
    if (!object) continue;
    add({ mention: b, verb, object, start: b.start, end: objectEnd });
    for (const partner of partners) add({ mention: partner, verb: '会同', object, start: b.start, end: objectEnd });
  }

  // 由省商务厅负责…; 由农业农村部、工业和信息化部牵头的协调推进机制: every body listed after 由.
  for (let k = 0; k < mentions.length; k++) {
    if (text[mentions[k]!.start - 1] !== '由' || noted.has(mentions[k]!)) continue;
    let last = k;
    while (last + 1 < mentions.length && /^[、和及与]$/.test(text.slice(mentions[last]!.end, mentions[last + 1]!.start))) last++;
    const at = mentions[last]!.end;
    const lead = leads.matchAt(text, at);
    if (!lead || isTitle(text, at, lead.word)) continue;
    let object: string;
    if (text[at + lead.word.length] === '的') {
      const from = at + lead.word.length + 1;
      object = text.slice(from, clauseEndFrom(text, from, text.length));
    } else {
      let s = mentions[k]!.start - 1;
      while (s > 0 && !CLAUSE_END.test(text[s - 1]!)) s--;
      object = text.slice(s, mentions[k]!.start - 1);
    }
    // 由市商务局负责，宜昌高新区、各县市区配合: the partners named next share the task.
    const partnerEnd = at + lead.word.length;
    let partners: BodyMention[] = [];
    let taskFrom = partnerEnd;
    if (/[，,]/.test(text[partnerEnd] ?? '')) {
      const tail = clauseEndFrom(text, partnerEnd + 1, text.length);
      if (/配合$/.test(text.slice(partnerEnd + 1, tail))) {
        partners = mentions.filter((m, j) => j > last && m.end <= tail);
        taskFrom = tail;
      }
    }
    // 由工业和信息化部牵头，科技部配合，组织实施产业基础再造工程: with nothing before 由, the task comes after.
    if (!object.trim() && /[，,]/.test(text[taskFrom] ?? '')) object = text.slice(taskFrom + 1, clauseEndFrom(text, taskFrom + 1, text.length));
    object = object.replace(/^(?:建立|成立|设立)/, '').trim();
    if (!object) continue;
    const end = at + lead.word.length;
    for (let j = k; j <= last; j++) add({ mention: mentions[j]!, verb: lead.word, object, start: mentions[k]!.start - 1, end });
    for (const partner of partners) add({ mention: partner, verb: '配合', object, start: mentions[k]!.start - 1, end });
    k = last;
  }

  // 省商务厅坚决落实…,牵头实施…三大行动: a lead opening a later clause belongs to the body the sentence opens with.
  let next = 0;
  for (const sentence of sentences) {
    // Mentions are sorted: walk them alongside the sentences.
    while (next < mentions.length && mentions[next]!.start < sentence.start) next++;
    const first = mentions[next];
    const subject = first && first.start < sentence.end && !text.slice(sentence.start, first.start).trim() ? first : undefined;
    if (!subject || noted.has(subject)) continue;
    for (let i = subject.end; i < sentence.end; i++) {
      if (!/[，,]/.test(text[i - 1]!)) continue;
      const lead = leads.matchAt(text, i);
      if (!lead || lead.word === '会同' || isTitle(text, i, lead.word)) continue;
      let verbEnd = i + lead.word.length;
      let verb = lead.word;
      const next = quantity.matchAt(text, verbEnd);
      if (next) {
        verb += next.word;
        verbEnd += next.word.length;
      }
      const objectEnd = clauseEndFrom(text, verbEnd, sentence.end);
      const object = text.slice(verbEnd, objectEnd).trim();
      if (object) add({ mention: subject, verb, object, start: i, end: objectEnd });
    }
  }
  return out.sort((a, c) => a.start - c.start);
}
