// Scores one extraction against its gold fixture, record kind by record kind.
// Matching rules (fixtures/README.md states them for annotators):
// - targets: same value (and low/high) and unit; among several, the nearest in
//   the text wins. Optional gold entries absorb the prediction that matches
//   them and are not counted when missed. Full record: comparator, change and
//   role equal too.
// - speakers: a named gold speaker matches the predicted speaker of that name;
//   an unnamed one an unnamed speaker of the same role whose label is the gold
//   label (organization + title, 记者 for a reporter) or whose organization is
//   the gold one.
// - turns: aligned in order (longest common subsequence); a pair needs the same
//   speaker label and a predicted span that starts with the gold `opening`,
//   only the label line before it.
// - bodies: any form (name, aliases, canonical) equal to any predicted form.
// - responsibilities: the same body (by its forms), the same verb, and objects
//   sharing at least half their characters.
// - actions: the same verb and objects sharing at least half their characters;
//   a gold action with `targets` is found with them when the predicted action
//   holds every one of those quantities.
// Gold positions are found by searching each record's text in document order.
// A kind with no gold records in the fixture is reported but left out of the
// totals (`scored: false`), so an unannotated kind costs nothing.
import type { Action, Body, ExtractionResult, Responsibility, Speaker, Target, Turn } from '../schema.js';
import { splitParagraphs, splitSentences } from '../structure.js';
import type { Fixture, GoldAction, GoldBody, GoldResponsibility, GoldSpeaker, GoldTarget, GoldTurn } from './fixture.js';

export const KINDS = ['targets', 'speakers', 'turns', 'bodies', 'responsibilities', 'actions'] as const;
export type Kind = (typeof KINDS)[number];

/** The fields compared on matched records, per kind. */
export const FIELDS = {
  targets: ['comparator', 'change', 'role', 'verb', 'metric', 'year', 'speaker'],
  speakers: ['title', 'organization', 'role'],
  turns: [],
  bodies: ['canonical', 'type', 'level'],
  responsibilities: [],
  actions: [],
} as const satisfies Record<Kind, readonly string[]>;

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface FieldScore {
  correct: number;
  total: number;
  /** null when no record was matched. */
  accuracy: number | null;
}

/** A record in a miss list: what a person needs to find it in the document. */
export interface RecordRef {
  /** Id of the predicted record; null for a gold record. */
  id: string | null;
  text: string;
  /** The key fields in a few words (`30000 张`, `government provincial`). */
  detail: string;
  sentence: string;
  /** Where the record is in the text; for gold, found by searching its text (null when not found). */
  start: number | null;
  end: number | null;
}

export interface MissedRecord extends RecordRef {
  gold: Record<string, unknown>;
}

export interface FieldError extends RecordRef {
  field: string;
  gold: unknown;
  got: unknown;
}

export interface KindReport {
  /** False when the fixture has no gold records of this kind: then it is left out of the totals. */
  scored: boolean;
  score: Score;
  fields: Record<string, FieldScore>;
  /** Predicted records that match a gold record (for targets, optional ones too). */
  matched: RecordRef[];
  missed: MissedRecord[];
  spurious: RecordRef[];
  wrong: FieldError[];
}

export interface TargetReport extends KindReport {
  fullRecord: Score;
}

export interface ActionReport extends KindReport {
  /** Gold actions holding quantities that were found together with all of them. */
  withTargets: { found: number; total: number };
}

export interface CompareReport {
  doc: string;
  targets: TargetReport;
  speakers: KindReport;
  turns: KindReport;
  bodies: KindReport;
  responsibilities: KindReport;
  actions: ActionReport;
}

export function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

const close = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** True when two phrases share at least half the characters of the longer one (metrics, objects). */
export function sharesHalf(gold: string | null, got: string | null): boolean {
  if (gold === null || got === null) return gold === got;
  const pool = [...got];
  let shared = 0;
  for (const ch of gold) {
    const k = pool.indexOf(ch);
    if (k >= 0) {
      shared++;
      pool.splice(k, 1);
    }
  }
  return shared * 2 >= Math.max([...gold].length, [...got].length);
}

/** Positions of each needle, searched in document order (falling back to anywhere); -1 when absent. */
export function locateInOrder(text: string, needles: readonly string[]): number[] {
  let cursor = 0;
  return needles.map((n) => {
    if (!n) return -1;
    let at = text.indexOf(n, cursor);
    if (at < 0) at = text.indexOf(n);
    if (at >= 0) cursor = at + n.length;
    return at;
  });
}

/** The document seen by the comparators: its text and a sentence lookup. */
export interface DocText {
  text: string;
  sentenceAt(pos: number | null): string;
}

export function docText(text: string): DocText {
  const sentences = splitSentences(text, splitParagraphs(text));
  return {
    text,
    sentenceAt(pos) {
      if (pos === null || pos < 0) return '';
      let lo = 0;
      let hi = sentences.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = sentences[mid]!;
        if (pos < s.start) hi = mid - 1;
        else if (pos >= s.end) lo = mid + 1;
        else return text.slice(s.start, s.end).trim();
      }
      return '';
    },
  };
}

/** A gold record found at `at` (or not found: -1). */
function goldRef(doc: DocText, text: string, at: number, detail: string, gold: object): MissedRecord {
  const found = at >= 0;
  return {
    id: null,
    text,
    detail,
    sentence: doc.sentenceAt(found ? at : null),
    start: found ? at : null,
    end: found ? at + text.length : null,
    gold: { ...gold },
  };
}

/**
 * Pairs each gold record, in order, with the nearest unused prediction it fits;
 * returns the index of the prediction per gold record, -1 for none.
 */
function assign<G, P>(gold: readonly G[], got: readonly P[], fits: (g: G, p: P) => boolean, distance: (g: number, p: number) => number): number[] {
  const used = new Set<number>();
  return gold.map((g, k) => {
    let best = -1;
    let bestDistance = Infinity;
    got.forEach((p, i) => {
      if (used.has(i) || !fits(g, p)) return;
      const d = distance(k, i);
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    if (best >= 0) used.add(best);
    return best;
  });
}

/** Distance between a located gold record and a predicted span; 0 when the gold was not found. */
const nearest = (goldAt: readonly number[], predAt: readonly number[]) => (g: number, p: number) =>
  goldAt[g]! >= 0 ? Math.abs(predAt[p]! - goldAt[g]!) : 0;

/** One kind's matching, ready to score: the records, the match of each gold record, and how to show them. */
interface Matching<G, P> {
  gold: readonly G[];
  got: readonly P[];
  /** Index into `got` of each gold record's match, -1 for none. */
  match: readonly number[];
  ref: (p: P) => RecordRef;
  miss: (g: G, k: number) => MissedRecord;
  fields: readonly string[];
  fieldMatches?: (field: string, g: G, p: P) => boolean;
  /** False for gold records that are neither rewarded nor penalised (optional targets). */
  counts?: (g: G) => boolean;
}

const sameField = (field: string, g: object, p: object) => (g as Record<string, unknown>)[field] === (p as Record<string, unknown>)[field];

/** Scores a matching: precision/recall over counted gold records, then each field of the matched pairs. */
function kindReport<G extends object, P extends object>(m: Matching<G, P>): KindReport {
  const { gold, got, match, ref, fields, fieldMatches = sameField, counts = () => true } = m;
  const scores: Record<string, FieldScore> = Object.fromEntries(fields.map((f) => [f, { correct: 0, total: 0, accuracy: null }]));
  const [matched, missed, wrong]: [RecordRef[], MissedRecord[], FieldError[]] = [[], [], []];
  let tp = 0;
  gold.forEach((g, k) => {
    const p = got[match[k]!];
    if (p === undefined) {
      if (counts(g)) missed.push(m.miss(g, k));
      return;
    }
    const at = ref(p);
    matched.push(at);
    if (!counts(g)) return;
    tp++;
    for (const f of fields) {
      const s = scores[f]!;
      s.total++;
      if (fieldMatches(f, g, p)) s.correct++;
      else wrong.push({ ...at, field: f, gold: (g as Record<string, unknown>)[f], got: (p as Record<string, unknown>)[f] });
    }
  });
  for (const s of Object.values(scores)) s.accuracy = s.total ? s.correct / s.total : null;
  const used = new Set(match);
  const spurious = got.filter((_, i) => !used.has(i)).map(ref);
  return { scored: gold.some(counts), score: score(tp, spurious.length, missed.length), fields: scores, matched, missed, spurious, wrong };
}

// --- targets -----------------------------------------------------------------

function sameQuantity(g: GoldTarget, t: Target): boolean {
  return g.unit === t.unit && close(g.value, t.value) && close(g.low, t.low) && close(g.high, t.high);
}

const quantityDetail = (q: { value: number; unit: string }) => `${q.value} ${q.unit}`.trim();

const targetRef = (t: Target): RecordRef => ({ id: t.id, text: t.text, detail: quantityDetail(t), sentence: t.sentence, start: t.start, end: t.end });

export function compareTargets(doc: DocText, result: ExtractionResult, gold: readonly GoldTarget[]): TargetReport {
  const goldAt = locateInOrder(doc.text, gold.map((g) => g.text));
  const match = assign(gold, result.targets, sameQuantity, nearest(goldAt, result.targets.map((t) => t.start)));
  const report = kindReport({
    gold,
    got: result.targets,
    match,
    ref: targetRef,
    miss: (g, k) => goldRef(doc, g.text, goldAt[k]!, quantityDetail(g), g),
    fields: FIELDS.targets,
    fieldMatches: (f, g, t) => (f === 'metric' ? sharesHalf(g.metric, t.metric) : sameField(f, g, t)),
    counts: (g) => !g.optional,
  });
  const full = gold.filter((g, k) => {
    const t = result.targets[match[k]!];
    return !g.optional && t && g.comparator === t.comparator && g.change === t.change && g.role === t.role;
  }).length;
  const { tp, fp, fn } = report.score;
  return { ...report, fullRecord: score(full, fp + tp - full, fn + tp - full) };
}

// --- speakers ------------------------------------------------------------------

const ROLE_LABEL = { host: '主持人', official: '', reporter: '记者' } as const;

/** How the transcript labels a gold speaker: the name, else organization + title (山东科技报记者, 教育部负责人). */
export function goldSpeakerLabel(s: GoldSpeaker): string {
  return s.name ?? `${s.organization ?? ''}${s.title ?? ROLE_LABEL[s.role]}`;
}

function sameSpeaker(g: GoldSpeaker, p: Speaker): boolean {
  if (g.name !== null) return p.name === g.name;
  return p.name === null && p.role === g.role && (p.label === goldSpeakerLabel(g) || p.organization === g.organization);
}

const speakerDetail = (s: { title: string | null; organization: string | null; role: string }) =>
  [s.organization, s.title, s.role].filter(Boolean).join(' ');

export function compareSpeakers(doc: DocText, result: ExtractionResult, gold: readonly GoldSpeaker[]): KindReport {
  const turnStart = new Map(result.turns.map((t) => [t.id, t.start]));
  const ref = (s: Speaker): RecordRef => {
    // A named speaker is shown where the text first names them (the introduction
    // gives title and organization); an unnamed one at the label of their first turn.
    const named = s.name ? doc.text.indexOf(s.name) : -1;
    const turn = s.turnIds.map((id) => turnStart.get(id)).find((x) => x !== undefined);
    const [start, length] = named >= 0 ? [named, s.name!.length] : turn !== undefined ? [turn, s.label.length] : [null, 0];
    const end = start === null ? null : start + length;
    return { id: s.id, text: s.name ?? s.label, detail: speakerDetail(s), sentence: doc.sentenceAt(start), start, end };
  };
  return kindReport({
    gold,
    got: result.speakers,
    match: assign(gold, result.speakers, sameSpeaker, () => 0),
    ref,
    miss: (g) => goldRef(doc, goldSpeakerLabel(g), doc.text.indexOf(goldSpeakerLabel(g)), speakerDetail(g), g),
    fields: FIELDS.speakers,
  });
}

// --- turns ---------------------------------------------------------------------

/** What may stand before a turn's opening in its span: the label line (王栋, 问：, 山东科技报记者). */
const LABEL_PREFIX = /^\s*[^\n。！？；，,.!?;]{0,24}[：:]?\s*$/;

/** The gold opening starts the predicted turn, after at most its label. */
export function opensTurn(text: string, turn: Pick<Turn, 'start' | 'end'>, opening: string): boolean {
  const span = text.slice(turn.start, turn.end);
  const at = span.indexOf(opening);
  return at >= 0 && LABEL_PREFIX.test(span.slice(0, at));
}

/** Longest common subsequence of two sequences under `fits`: the aligned index pairs, in order. */
export function align<G, P>(gold: readonly G[], got: readonly P[], fits: (g: G, p: P) => boolean): [number, number][] {
  const n = gold.length;
  const m = got.length;
  // lcs[i][j]: length of the best alignment of gold[i..] with got[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = fits(gold[i]!, got[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (fits(gold[i]!, got[j]!) && lcs[i]![j] === lcs[i + 1]![j + 1]! + 1) pairs.push([i++, j++]);
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

export function compareTurns(doc: DocText, result: ExtractionResult, gold: readonly GoldTurn[]): KindReport {
  // A turn is known by its label and by the name and label of the speaker who owns it.
  const labels = new Map(result.turns.map((t) => [t.id, new Set([t.speaker])]));
  for (const s of result.speakers)
    for (const id of s.turnIds) for (const l of [s.label, s.name]) if (l) labels.get(id)?.add(l);
  const fits = (g: GoldTurn, t: Turn) => labels.get(t.id)!.has(g.speaker) && opensTurn(doc.text, t, g.opening);
  const match = gold.map(() => -1);
  for (const [g, t] of align(gold, result.turns, fits)) match[g] = t;
  const goldAt = locateInOrder(doc.text, gold.map((g) => g.opening));
  const ref = (t: Turn): RecordRef => {
    const span = doc.text.slice(t.start, t.end);
    return { id: t.id, text: t.speaker, detail: t.kind, sentence: span.replace(/\s+/g, ' ').trim().slice(0, 60), start: t.start, end: t.end };
  };
  // A missed turn is placed at its opening words, and named by its speaker.
  const miss = (g: GoldTurn, k: number) => ({ ...goldRef(doc, g.opening, goldAt[k]!, g.speaker, g), text: g.speaker });
  return kindReport({ gold, got: result.turns, match, ref, miss, fields: FIELDS.turns });
}

// --- bodies --------------------------------------------------------------------

const formsOf = (b: { name: string; aliases: readonly string[]; canonical: string }) => [b.name, ...b.aliases, b.canonical];
const bodyDetail = (b: { type: string; level: string | null }) => [b.type, b.level].filter(Boolean).join(' ');

export function compareBodies(doc: DocText, result: ExtractionResult, gold: readonly GoldBody[]): KindReport {
  const fits = (g: GoldBody, b: Body) => formsOf(g).some((f) => formsOf(b).includes(f));
  const ref = (b: Body): RecordRef => {
    const m = b.mentions[0];
    return { id: b.id, text: b.name, detail: bodyDetail(b), sentence: doc.sentenceAt(m?.start ?? null), start: m?.start ?? null, end: m?.end ?? null };
  };
  // A missed body is placed at the first of its forms that the text holds.
  const miss = (g: GoldBody) => {
    const form = formsOf(g).find((f) => doc.text.includes(f)) ?? g.name;
    return goldRef(doc, form, doc.text.indexOf(form), bodyDetail(g), g);
  };
  return kindReport({ gold, got: result.bodies, match: assign(gold, result.bodies, fits, () => 0), ref, miss, fields: FIELDS.bodies });
}

// --- responsibilities and actions ----------------------------------------------

const taskDetail = (r: { body?: string | null; verb: string }) => [r.body, r.verb].filter(Boolean).join(' ');

const taskRef = (r: Responsibility | Action): RecordRef => ({
  id: r.id,
  text: r.text,
  detail: taskDetail(r),
  sentence: r.sentence,
  start: r.start,
  end: r.end,
});

/** Matches verb + object records (responsibilities, actions) by `fits`, nearest first. */
function compareTasks<G extends { verb: string; object: string }, P extends Responsibility | Action>(
  doc: DocText,
  gold: readonly G[],
  got: readonly P[],
  fits: (g: G, p: P) => boolean,
): { report: KindReport; match: number[] } {
  const goldAt = locateInOrder(doc.text, gold.map((g) => g.object));
  const match = assign(gold, got, fits, nearest(goldAt, got.map((p) => p.start)));
  const miss = (g: G, k: number) => goldRef(doc, g.object, goldAt[k]!, taskDetail(g), g);
  return { report: kindReport({ gold, got, match, ref: taskRef, miss, fields: [] }), match };
}

export function compareResponsibilities(doc: DocText, result: ExtractionResult, gold: readonly GoldResponsibility[], goldBodies: readonly GoldBody[]): KindReport {
  // A body named in a responsibility stands for every form of its body record, gold or predicted.
  const goldForms = (name: string) => new Set([name, ...goldBodies.filter((b) => formsOf(b).includes(name)).flatMap(formsOf)]);
  const bodies = new Map(result.bodies.map((b) => [b.id, b]));
  const gotForms = (r: Responsibility) => {
    const b = bodies.get(r.bodyId);
    return [r.body, ...(b ? formsOf(b) : [])];
  };
  const fits = (g: GoldResponsibility, r: Responsibility) =>
    g.verb === r.verb && sharesHalf(g.object, r.object) && gotForms(r).some((f) => goldForms(g.body).has(f));
  return compareTasks(doc, gold, result.responsibilities, fits).report;
}

export function compareActions(doc: DocText, result: ExtractionResult, gold: readonly GoldAction[]): ActionReport {
  const fits = (g: GoldAction, a: Action) => g.verb === a.verb && sharesHalf(g.object, a.object);
  const { report, match } = compareTasks(doc, gold, result.actions, fits);
  const targetText = new Map(result.targets.map((t) => [t.id, t.text]));
  const withTargets = { found: 0, total: 0 };
  gold.forEach((g, k) => {
    if (!g.targets.length) return;
    withTargets.total++;
    const held = new Set(result.actions[match[k]!]?.targetIds.map((id) => targetText.get(id)));
    if (match[k]! >= 0 && g.targets.every((t) => held.has(t))) withTargets.found++;
  });
  return { ...report, withTargets };
}

/** Scores `result` (extracted from `text`) against `fixture`, every record kind. */
export function compare(text: string, result: ExtractionResult, fixture: Fixture): CompareReport {
  const doc = docText(text);
  return {
    doc: fixture.doc,
    targets: compareTargets(doc, result, fixture.quantities),
    speakers: compareSpeakers(doc, result, fixture.speakers),
    turns: compareTurns(doc, result, fixture.turns),
    bodies: compareBodies(doc, result, fixture.bodies),
    responsibilities: compareResponsibilities(doc, result, fixture.responsibilities, fixture.bodies),
    actions: compareActions(doc, result, fixture.actions),
  };
}
