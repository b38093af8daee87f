// The evaluation as one self-contained HTML page: the metric tables, then
// every document's text with each record highlighted by kind — matched,
// matched with a wrong field, spurious (system only) or missed (gold only,
// placed where its text is found). Clicking a highlight shows its fields.
// No external requests: CSS and JS are inline, record data is JSON in a
// <script type="application/json"> block, and every piece of text is escaped.
import { KINDS, type FieldError, type Kind, type RecordRef } from './compare.js';
import { kindTable, type DocumentRun, type EvalSummary } from './run.js';

type Status = 'ok' | 'wrong' | 'spurious' | 'missed';

/** What the page shows for one record when it is clicked. */
interface RecordView {
  kind: Kind;
  status: Status;
  text: string;
  detail: string;
  sentence: string;
  errors: { field: string; gold: unknown; got: unknown }[];
  fields: Record<string, unknown>;
}

interface Mark {
  start: number;
  end: number;
  kind: Kind;
  key: string;
}

/** Light fill and dark edge of each kind. */
const COLOURS: Record<Kind, [string, string]> = {
  targets: ['#cfe3ff', '#2f6fdb'],
  speakers: ['#ead9ff', '#7a3fd1'],
  turns: ['#f7d6ef', '#b8338f'],
  bodies: ['#d2f2d2', '#2e8b3d'],
  responsibilities: ['#cdeff0', '#1f8a8f'],
  actions: ['#ffe1bd', '#d07a10'],
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** JSON that is safe inside <script>: no `</script>` or `<!--` can form. */
const scriptJson = (x: unknown) => JSON.stringify(x).replace(/</g, '\\u003c');

/** The label line at the start of a turn (王栋, 问：): the turn itself is too long to highlight. */
function labelEnd(text: string, start: number, end: number): number {
  const line = text.slice(start, Math.min(end, start + 30)).split('\n')[0]!;
  const colon = line.search(/[：:]/);
  return start + (colon >= 0 ? colon + 1 : line.trimEnd().length);
}

/**
 * The text with marks as properly nested elements. Marks may overlap without
 * nesting (an action and a target inside it); a mark that crosses the end of
 * an enclosing one is closed there and reopened, keeping the same data-id.
 */
function highlight(text: string, marks: Mark[], title: (key: string) => string, cls: (key: string) => string): string {
  const order = marks.filter((m) => m.end > m.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const rank = new Map(order.map((m, i) => [m, i]));
  const cuts = [...new Set([0, text.length, ...order.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const out: string[] = [];
  let open: Mark[] = [];
  let next = 0;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const [a, b] = [cuts[c]!, cuts[c + 1]!];
    const active = open.filter((m) => m.end > a);
    while (next < order.length && order[next]!.start === a) active.push(order[next++]!);
    active.sort((x, y) => rank.get(x)! - rank.get(y)!);
    let keep = 0;
    while (keep < open.length && open[keep] === active[keep]) keep++;
    out.push('</mark>'.repeat(open.length - keep));
    for (const m of active.slice(keep)) out.push(`<mark class="${cls(m.key)}" data-id="${escapeHtml(m.key)}" title="${escapeHtml(title(m.key))}">`);
    out.push(escapeHtml(text.slice(a, b)));
    open = active;
  }
  out.push('</mark>'.repeat(open.length));
  return out.join('');
}

/** Fields worth showing: everything but offsets and the sentence (shown apart). */
function shownFields(record: object): Record<string, unknown> {
  const { start: _s, end: _e, sentence: _t, mentions, ...rest } = record as Record<string, unknown>;
  return Array.isArray(mentions) ? { ...rest, mentions: mentions.length } : rest;
}

/** Records and marks of one document. */
function documentMarks(run: DocumentRun, d: number, views: Record<string, RecordView>): { marks: Mark[]; unplaced: string[] } {
  const marks: Mark[] = [];
  const unplaced: string[] = [];
  const { text, result, report } = run;
  for (const kind of KINDS) {
    const r = report[kind];
    const records = new Map<string, object>((result[kind] as { id: string }[]).map((x) => [x.id, x]));
    const wrong = new Map<string, FieldError[]>();
    for (const w of r.wrong) wrong.set(w.id!, [...(wrong.get(w.id!) ?? []), w]);
    const add = (key: string, ref: RecordRef, status: Status, fields: object, spans: { start: number; end: number }[]) => {
      const errors = (wrong.get(ref.id ?? '') ?? []).map(({ field, gold, got }) => ({ field, gold, got }));
      views[key] = { kind, status, text: ref.text, detail: ref.detail, sentence: ref.sentence, errors, fields: shownFields(fields) };
      if (spans.length) for (const s of spans) marks.push({ ...s, kind, key });
      else unplaced.push(key);
    };
    const placed = (ref: RecordRef) => (ref.start !== null && ref.end !== null && ref.end > ref.start ? [{ start: ref.start, end: ref.end }] : []);
    const predicted = (ref: RecordRef, status: Status) => {
      const record = records.get(ref.id!)!;
      let spans = placed(ref);
      if (kind === 'bodies') spans = (record as { mentions: { start: number; end: number }[] }).mentions;
      if (kind === 'turns') spans = spans.map((s) => ({ start: s.start, end: labelEnd(text, s.start, s.end) }));
      add(`${d}-${kind}-${ref.id}`, ref, status, record, spans);
    };
    for (const ref of r.matched) predicted(ref, wrong.has(ref.id!) ? 'wrong' : 'ok');
    for (const ref of r.spurious) predicted(ref, 'spurious');
    r.missed.forEach((m, i) => add(`${d}-${kind}-gold${i + 1}`, m, 'missed', m.gold, placed(m)));
  }
  return { marks, unplaced };
}

const STATUS_NOTE: Record<Status, string> = { ok: 'matched', wrong: 'matched, a field is wrong', spurious: 'spurious (system only)', missed: 'missed (gold only)' };

function titleOf(v: RecordView): string {
  const errors = v.errors.map((e) => `\n${e.field}: gold ${JSON.stringify(e.gold)}, got ${JSON.stringify(e.got)}`).join('');
  return `${v.kind}, ${STATUS_NOTE[v.status]}: ${v.text}${v.detail ? ` (${v.detail})` : ''}${errors}`;
}

function tablesHtml(s: EvalSummary): string {
  return KINDS.map((k) => {
    const t = kindTable(s, k);
    if (!t.rows.length) return `<p class="k-${k}"><b>${k}</b>: no gold records in these fixtures</p>`;
    const cells = (row: string[], tag: string) => `<tr>${row.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
    return `<table class="k-${k}"><caption><b>${k}</b> ${escapeHtml(t.caption)}</caption><thead>${cells(t.header, 'th')}</thead><tbody>${t.rows.map((r) => cells(r, 'td')).join('')}</tbody></table>`;
  }).join('\n');
}

const CSS = `
body{font:14px/1.5 system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;margin:0;color:#222}
header{position:sticky;top:0;z-index:2;background:#fafafa;border-bottom:1px solid #ddd;padding:6px 0;display:flex;gap:6px 14px;flex-wrap:wrap;align-items:center}
header h1{font-size:16px;margin:0 12px 0 0}
main{padding:0 16px 40px;margin-right:360px}
#metrics{display:flex;flex-wrap:wrap;gap:8px 20px;align-items:flex-start}
table{border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums}
caption{text-align:left;padding:4px 0;color:#555}
th,td{border:1px solid #ddd;padding:1px 6px;text-align:right}
th:first-child,td:first-child{text-align:left}
tr:last-child td{font-weight:600}
.doc h2{font-size:15px;margin:24px 0 4px;border-top:2px solid #444;padding-top:6px;scroll-margin-top:80px}
.counts{color:#555;font-size:12px;margin:0 0 6px}
.text{white-space:pre-wrap;line-height:1.9}
mark{background:var(--c);color:inherit;border-bottom:2px solid var(--d);cursor:pointer;padding:0 1px}
mark.s-wrong{border-bottom:3px double #c98a00}
mark.s-spurious{outline:2px dashed #d0021b;outline-offset:-1px}
mark.s-missed{background:repeating-linear-gradient(135deg,var(--c) 0 4px,#fff 4px 8px);outline:2px solid #d0021b;outline-offset:-1px}
mark.sel{box-shadow:0 0 0 2px #000}
.unplaced mark{margin-right:6px}
#panel{position:fixed;top:0;right:0;width:340px;bottom:0;overflow:auto;background:#fff;border-left:1px solid #ccc;padding:8px 12px;font-size:13px}
#panel h3{margin:8px 0 4px;font-size:14px;border-left:6px solid var(--d);padding-left:6px}
#panel td,#panel th{text-align:left;vertical-align:top;word-break:break-all}
#panel .err td{background:#fff1d6}
#panel .sentence{color:#555}
${KINDS.map((k) => `.k-${k}{--c:${COLOURS[k][0]};--d:${COLOURS[k][1]}}\n.hide-${k} main mark.k-${k}{background:none;border:0;outline:0}`).join('\n')}
`;

// Runs in the page: click shows every record under the pointer, innermost first.
const JS = `
const R = JSON.parse(document.getElementById('records').textContent);
const panel = document.getElementById('panel');
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
const show = (v) => typeof v === 'string' ? v : JSON.stringify(v);
function card(id) {
  const r = R[id], box = el('div', undefined, 'card k-' + r.kind), t = el('table');
  box.append(el('h3', r.kind + ' · ' + r.status + ': ' + r.text));
  if (r.sentence) box.append(el('p', r.sentence, 'sentence'));
  for (const e of r.errors) { const tr = el('tr', undefined, 'err'); tr.append(el('th', e.field), el('td', 'gold ' + show(e.gold) + ' · got ' + show(e.got))); t.append(tr); }
  for (const [k, v] of Object.entries(r.fields)) { const tr = el('tr'); tr.append(el('th', k), el('td', show(v))); t.append(tr); }
  box.append(t);
  return box;
}
document.addEventListener('click', (ev) => {
  const ids = [];
  for (let n = ev.target; n && n.dataset; n = n.parentElement) if (n.dataset.id && !ids.includes(n.dataset.id)) ids.push(n.dataset.id);
  if (!ids.length) return;
  document.querySelectorAll('mark.sel').forEach((m) => m.classList.remove('sel'));
  for (const id of ids) document.querySelectorAll('mark[data-id="' + CSS.escape(id) + '"]').forEach((m) => m.classList.add('sel'));
  panel.replaceChildren(...ids.map(card));
});
document.querySelectorAll('input[data-kind]').forEach((box) =>
  box.addEventListener('change', () => document.body.classList.toggle('hide-' + box.dataset.kind, !box.checked)));
`;

export function renderHtml(runs: readonly DocumentRun[], summary: EvalSummary, title: string): string {
  const views: Record<string, RecordView> = {};
  const docs = runs.map((run, d) => {
    const { marks, unplaced } = documentMarks(run, d, views);
    const cls = (key: string) => `k-${views[key]!.kind} s-${views[key]!.status}`;
    const tip = (key: string) => titleOf(views[key]!);
    const chip = (key: string) => `<mark class="${cls(key)}" data-id="${escapeHtml(key)}" title="${escapeHtml(tip(key))}">${escapeHtml(views[key]!.text)}</mark>`;
    const counts = KINDS.filter((k) => run.result[k].length || run.report[k].missed.length)
      .map((k) => {
        const r = run.report[k];
        return `${k}: ${run.result[k].length} extracted, ${r.missed.length} missed, ${r.spurious.length} spurious, ${new Set(r.wrong.map((w) => w.id)).size} with a wrong field`;
      })
      .join(' · ');
    return `<section class="doc" id="doc-${d}"><h2>${escapeHtml(run.report.doc)}</h2>
<p class="counts">${escapeHtml(counts)}</p>
${unplaced.length ? `<p class="unplaced">Not found in the text: ${unplaced.map(chip).join('')}</p>` : ''}
<div class="text">${highlight(run.text, marks, tip, cls)}</div></section>`;
  });
  const legend = KINDS.map((k) => `<label><input type="checkbox" checked data-kind="${k}"> <mark class="k-${k}">${k}</mark></label>`).join('');
  const statuses = (['ok', 'wrong', 'spurious', 'missed'] as const).map((s) => `<mark class="k-targets s-${s}">${STATUS_NOTE[s]}</mark>`).join(' ');
  return `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body>
<main><header><h1>${escapeHtml(title)}</h1>${legend}<span>${statuses}</span></header>
<section id="metrics">${tablesHtml(summary)}</section>
${docs.join('\n')}</main>
<aside id="panel"><p>Click a highlight to see its fields.</p></aside>
<script type="application/json" id="records">${scriptJson(views)}</script>
<script>${JS}</script>
</body></html>
`;
}
