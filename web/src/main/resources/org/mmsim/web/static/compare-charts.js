// The compare view's charts and tables: both runs' series on one time axis, A solid and B dashed.
import { el, table, lineChart } from '/common.js';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd'];

/** The union of both runs' sample times, and each series of a side spread onto it (null where it has none). */
function align(ta, tb) {
  const xs = [...new Set([...ta, ...tb])].sort((x, y) => x - y);
  const spread = (times, values) => {
    const at = new Map(times.map((t, i) => [t, values[i]]));
    return xs.map(t => at.has(t) ? at.get(t) : null);
  };
  return { xs, a: v => spread(ta, v), b: v => spread(tb, v) };
}

/** One chart of named series of both sides: pick(side) gives [label, values] pairs. */
function overlay(box, title, r, al, pick, opts) {
  const series = [];
  pick(r.a).forEach(([label, values], i) => series.push({ label: 'A ' + label, values: al.a(values),
    color: COLORS[i % COLORS.length] }));
  pick(r.b).forEach(([label, values], i) => series.push({ label: 'B ' + label, values: al.b(values),
    color: COLORS[i % COLORS.length], dash: [6, 4] }));
  const holder = el('div', { class: 'compare-chart', 'data-chart': title });
  box.append(holder);
  lineChart(holder, title, al.xs, series, opts);
}

/** The charts of zone index z (matched by name in B) and of the whole machine. */
export function drawCharts(box, r, z) {
  const al = align(r.a.times, r.b.times);
  const name = r.a.zones[z].name;
  const zoneOf = side => side.zones.find(x => x.name === name) || side.zones[Math.min(z, side.zones.length - 1)];
  overlay(box, 'Free pages (machine)', r, al, side => [['free', side.totalFree]], { yLabel: 'pages' });
  overlay(box, name + ': free pages and watermarks', r, al, side => {
    const zz = zoneOf(side);
    return [['free', zz.free], ['min', zz.min], ['low', zz.low], ['high', zz.high]];
  }, { yLabel: 'pages', log: true });
  overlay(box, name + ': extfrag index, order 9', r, al,
    side => [['extfrag', zoneOf(side).extfrag9.map(v => v / 1000)]], { yLabel: 'index (-1: would succeed)' });
  overlay(box, 'Compaction', r, al, side => ['compact_stall', 'compact_success', 'compact_fail']
    .map(c => [c, side.counters[c]]), { yLabel: 'events' });
  overlay(box, 'THP faults', r, al, side => ['thp_fault_alloc', 'thp_fault_fallback']
    .map(c => [c, side.counters[c]]), { yLabel: 'events' });
}

/** Each zone's min, low and high watermarks at the first sample, A beside B. */
export function watermarkTable(r) {
  const rows = r.a.zones.map((za, i) => {
    const zb = r.b.zones.find(x => x.name === za.name);
    const v = (z, k) => z ? z[k][0] : '';
    return [za.name, v(za, 'min'), v(zb, 'min'), v(za, 'low'), v(zb, 'low'), v(za, 'high'), v(zb, 'high')];
  });
  const t = table(['zone', 'min A', 'min B', 'low A', 'low B', 'high A', 'high B'], rows, { id: 'compare-wmarks' });
  const keys = ['min', 'min', 'low', 'low', 'high', 'high'];
  t.querySelectorAll('tbody tr').forEach((tr, i) => {
    tr.dataset.zone = r.a.zones[i].name;
    [...tr.children].slice(1).forEach((td, j) => {
      td.dataset.mark = keys[j];
      td.dataset.side = j % 2 === 0 ? 'a' : 'b';
    });
  });
  return t;
}

/** The headline figures, A beside B; a row whose values differ is marked. */
export function figureTable(r) {
  const fmt = v => v === null || v === undefined ? '' : typeof v === 'number' && !Number.isInteger(v)
    ? v.toFixed(3) : String(v);
  const t = table(['figure', 'A', 'B'], r.figures.map(f => [f.name, fmt(f.a), fmt(f.b)]), { id: 'compare-figures' });
  t.querySelectorAll('tbody tr').forEach((tr, i) => {
    const f = r.figures[i];
    tr.dataset.figure = f.name;
    tr.classList.toggle('differs', fmt(f.a) !== fmt(f.b));
  });
  return t;
}
