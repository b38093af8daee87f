// The pipeline on one screen: normalize → structure → segment → extract →
// refine → context → validate. Data flows one way; each stage is one module.
import { changeOf } from './context/change.js';
import { metricOf, splitListMetrics } from './context/metric.js';
import { carriedRoles, roleOf } from './context/role.js';
import { nearestBefore } from './context/scan.js';
import { modalBefore, verbAfter, verbBefore } from './context/verb.js';
import { rules } from './rules.js';
import { yearOf } from './context/year.js';
import { readDocument, yearOfDate } from './document.js';
import { scanQuantities, type RawQuantity } from './extractors/quantities.js';
import { findActions } from './extractors/actions.js';
import { declaredAliases, findBodyMentions, groupBodies, outletMentions, resolveShortNames, selfMentions } from './extractors/bodies.js';
import { findResponsibilities } from './extractors/responsibilities.js';
import { buildSpeakers } from './extractors/speakers.js';
import { findTurns } from './extractors/turns.js';
import { lowerBound } from './memo.js';
import { normalizeText } from './normalize.js';
import { resolveBareUnits } from './refiners/clause-unit.js';
import { shareListUnits } from './refiners/lists.js';
import { ExtractionResultSchema, type ExtractionResult, type Action, type Responsibility, type Target, type Turn } from './schema.js';
import { jiebaSegmenter, TokenIndex, type Segmenter } from './segmenter.js';
import { clauseEnd, clauseStart, splitParagraphs, splitSentences, type Sentence } from './structure.js';

const RATE_NOUN = /(?:率|增幅|增速|比重|占比)$/;

export interface ExtractOptions {
  /** Document id; defaults to "doc". */
  id?: string;
  segmenter?: Segmenter;
}

/** Raised for input that cannot be a document (not a string, binary). */
export class InputError extends Error {
  override name = 'InputError';
}

function checkInput(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new InputError(`extract() takes a string, got ${typeof text}`);
  if (text.includes('\u0000')) throw new InputError('input contains NUL bytes: binary data, not text');
}

/** Finds the sentence holding each offset, for offsets visited in increasing order. */
function sentenceCursor(sentences: readonly Sentence[]) {
  let k = 0;
  return (pos: number): Sentence | undefined => {
    while (k < sentences.length && sentences[k]!.end <= pos) k++;
    return sentences[k];
  };
}

/** The speaker label of the turn holding each offset, for offsets visited in increasing order. */
function turnCursor(turns: readonly Turn[]) {
  let k = 0;
  return (pos: number): string | null => {
    while (k < turns.length && turns[k]!.end <= pos) k++;
    const t = turns[k];
    return t && t.start <= pos ? t.speaker : null;
  };
}

export function extract(input: string, options: ExtractOptions = {}): ExtractionResult {
  checkInput(input);
  const segmenter = options.segmenter ?? jiebaSegmenter;
  const text = normalizeText(input);
  const document = readDocument(text, options.id ?? 'doc');
  const docYear = yearOfDate(document.date);
  const paragraphs = splitParagraphs(text);
  const sentences = splitSentences(text, paragraphs);
  const carried = carriedRoles(text, paragraphs, docYear);
  const { speakers, turns } = buildSpeakers(text, findTurns(text, paragraphs));
  const speakerAt = turnCursor(turns);

  const words = new TokenIndex(text, sentences, segmenter);
  let raw: RawQuantity[] = scanQuantities(text, (pos) => words.isWordStart(pos));
  raw = shareListUnits(text, raw);
  raw = resolveBareUnits(text, raw);

  const find = sentenceCursor(sentences);
  const targets: Target[] = [];
  const listGroups: number[][] = [];
  raw.forEach((q, index) => {
    const s = find(q.start)!;
    const cStart = clauseStart(text, q.start, s.start);
    const cEnd = clauseEnd(text, q.end, s.end);
    const prev = raw[index - 1];
    const next = raw[index + 1];
    const previousEnd = prev && prev.end > cStart ? prev.end : null;
    const nextStart = next && next.start < cEnd ? next.start : null;
    const tokens = words.tokensAt(s.start);
    // 新启动4家省实验室、20家省重点实验室: list items share the first item's verb;
    // 新增…1个，省级创新平台9个: so does a verbless clause continuing the sentence.
    const previous = targets[targets.length - 1];
    const sameSentence = previous !== undefined && previous.start >= s.start;
    const gap = sameSentence ? text.slice(previous.end, q.start) : '';
    const inGap = q.leadVerb ? { verb: q.leadVerb, start: q.start - q.leadVerb.length } : verbBefore(text, q.start, previousEnd ?? cStart, tokens);
    // …投资增幅6%: a rate named before its number is a new indicator, not another item of the list.
    const joined = gap.includes('、') || /^[和及]$/.test(gap);
    const listItem = !(inGap && (q.leadVerb || verbBefore(text, q.start, previousEnd ?? cStart, tokens, false))) && sameSentence && joined && !/[，,；;：:]/.test(gap) && !RATE_NOUN.test(gap) && !modalBefore(text, q.start, previous.end, tokens);
    // 实施500万元以上技改项目10000个: past an earlier number, the clause's verb still governs.
    // …完成技改投资5000亿元、投资增幅6%: a new indicator after 、 does not take the earlier number's verb.
    const newIndicator = sameSentence && gap.includes('、') && RATE_NOUN.test(gap);
    const before = inGap ?? (listItem || newIndicator || previousEnd === null ? null : verbBefore(text, q.start, cStart, tokens));
    const after = before || listItem ? null : verbAfter(text, q.end, cEnd, tokens);
    // …省级创新平台9个: only counts continue a verb across a comma, not rates (失业率5.5%左右).
    const elliptic = listItem || (!before && !after && sameSentence && q.unitKind === 'measure' && /[、，,]/.test(gap) && !/[；;：:]/.test(gap));
    const verb = elliptic ? null : (before ?? after ?? modalBefore(text, q.start, cStart, tokens));
    if (listItem && listGroups.at(-1)?.at(-1) === index - 1) listGroups.at(-1)!.push(index);
    else if (listItem) listGroups.push([index - 1, index]);
    const change = changeOf(text, q.start, cStart);
    const role = roleOf({
      text,
      start: q.start,
      end: q.end,
      unitKind: q.unitKind,
      comparator: q.comparator,
      comparatorSource: q.comparatorSource,
      hasVerb: before !== null,
      scopesNext: nextStart !== null && nearestBefore(text, nextStart, q.end, [rules().verbs.quantity]) !== null,
      sentenceStart: s.start,
      paragraphStart: paragraphs[s.paragraph]!.start,
      docYear,
      carried: carried[s.paragraph] ?? null,
    });
    const own = metricOf({
      text,
      start: q.start,
      end: q.end,
      clauseStart: cStart,
      clauseEnd: cEnd,
      verbStart: before?.start ?? null,
      verbEnd: before ? before.start + before.verb.length : null,
      previousEnd,
      nextStart,
      unitKind: q.unitKind,
      threshold: role === 'threshold',
      tokens,
    });
    // 新增各类市场主体8046户、增长5.3%; 货物贸易进出口总值42.07万亿元，增长7.7%: a number that names
    // nothing itself, joined to the one before by 、 or opening the next clause, measures the same thing.
    const continues =
      sameSentence &&
      !/[；;：:]/.test(gap) &&
      (gap.includes('、') ? !/[，,]/.test(gap) : (/[，,]/.test(gap) || gap.startsWith('的基础上')) && q.unitKind !== 'measure');
    const metric = own ?? (continues ? previous.metric : null);
    targets.push({
      id: `t${index + 1}`,
      text: input.slice(q.start, q.end),
      start: q.start,
      end: q.end,
      value: q.value,
      low: q.low,
      high: q.high,
      unit: q.unit,
      unitText: q.unitText,
      comparator: q.comparator,
      change: elliptic && change === 'level' ? previous!.change : change,
      role,
      verb: role === 'threshold' || role === 'other' ? null : elliptic ? previous!.verb : (verb?.verb ?? null),
      metric,
      year: yearOf(text, s.start, q.start, docYear, paragraphs[s.paragraph]!),
      speaker: speakerAt(q.start),
      sentence: input.slice(s.start, s.end).trim(),
    });
  });

  splitListMetrics(targets.map((t) => t.metric), listGroups).forEach((m, k) => (targets[k]!.metric = m));

  const reporters = speakers.flatMap((sp) => (sp.role === 'reporter' && sp.organization ? [sp.organization] : []));
  const mentions = findBodyMentions(text, words, document.region);
  const organizationOf = new Map(speakers.map((sp) => [sp.label, sp.role === 'official' ? sp.organization : null]));
  const speakerOfSelf = turnCursor(turns);
  const organizationAt = (pos: number) => organizationOf.get(speakerOfSelf(pos) ?? '') ?? null;
  const allMentions = resolveShortNames([
    ...mentions,
    ...outletMentions(text, reporters, mentions, document.region),
    ...selfMentions(text, organizationAt, mentions),
    ...declaredAliases(text, mentions),
  ].sort((a, b) => a.start - b.start));
  const bodies = groupBodies(allMentions);
  const bodyId = new Map(bodies.map((b) => [b.canonical, b.id]));
  const speakerOf = turnCursor(turns);
  const sentenceOf = sentenceCursor(sentences);
  const responsibilities: Responsibility[] = findResponsibilities(text, paragraphs, sentences, allMentions).map((r, k) => {
    const s = sentenceOf(r.start);
    return {
      id: `r${k + 1}`,
      text: input.slice(r.start, r.end),
      start: r.start,
      end: r.end,
      body: r.mention.form,
      bodyId: bodyId.get(r.mention.canonical)!,
      verb: r.verb,
      object: r.object,
      speaker: speakerOf(r.start),
      sentence: input.slice(s?.start ?? r.start, s?.end ?? r.end).trim(),
    };
  });

  // Actions, linked to the quantities inside their object and to the body the sentence names before the verb.
  const actionSpeaker = turnCursor(turns);
  const actions: Action[] = [];
  for (const s of sentences) {
    for (const a of findActions(text, s, words.tokensAt(s.start))) {
      const end = Math.max(a.end, a.verbStart + a.verb.length);
      // Mentions and targets are sorted: binary searches keep long sentences linear.
      const last = lowerBound(allMentions, a.verbStart + 1, (m) => m.end) - 1;
      const doer = last >= 0 && allMentions[last]!.start >= s.start ? allMentions[last] : undefined;
      const inside: string[] = [];
      for (let k = lowerBound(targets, a.start, (t) => t.start); k < targets.length && targets[k]!.start < a.end; k++)
        if (targets[k]!.end <= a.end) inside.push(targets[k]!.id);
      actions.push({
        id: `a${actions.length + 1}`,
        text: input.slice(Math.min(a.start, a.verbStart), end),
        start: Math.min(a.start, a.verbStart),
        end,
        verb: a.verb,
        object: input.slice(a.start, a.end),
        body: doer?.form ?? null,
        targetIds: inside,
        speaker: actionSpeaker(a.verbStart),
        sentence: input.slice(s.start, s.end).trim(),
      });
    }
  }

  return ExtractionResultSchema.parse({
    document,
    targets,
    speakers,
    turns,
    bodies,
    responsibilities,
    actions,
  });
}
