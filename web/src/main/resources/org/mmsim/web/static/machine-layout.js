// The machine view's layout drawing: a virtual address space as an SVG bar, address 0 at the top. 64-bit spaces
// are drawn with each region's height proportional to log2 of its size (a linear 2^64 bar would show only the
// non-canonical hole); 32-bit i386 is drawn linearly, the whole 4 GiB with the 3G/1G split, then its 1 GiB of
// kernel space enlarged with the lowmem limit marked. A click on a region picks the address under the pointer.

const NS = 'http://www.w3.org/2000/svg';
const COLORS = {
  'user': '#9fd49f',
  'kernel logical': '#8fb8e8',
  'kernel virtual': '#f3c27a',
  'non-canonical (no address)': '#d8d8d8',
};
const HOLE = '#eeeeee';
const LABEL_GAP = 13;

function svg(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function color(r) {
  if (r.kind === 'UNUSED' || r.kind === 'GUARD') return HOLE;
  return COLORS[r.addressKind] || '#ccc';
}

/** The address at fraction f (0..1) of a region, rounded down to a page. */
function addressAt(r, f, pageShift, bits) {
  const start = BigInt('0x' + r.start);
  const end = BigInt('0x' + r.end);
  const size = end - start + 1n;
  let a = start + size * BigInt(Math.floor(Math.max(0, Math.min(0.999999, f)) * 1e6)) / 1000000n;
  a = (a >> BigInt(pageShift)) << BigInt(pageShift);
  const digits = bits === 32 ? 8 : 16;
  return '0x' + a.toString(16).padStart(digits, '0');
}

/**
 * Draws one bar: rows [{r, h}] stacked from y0; labels to the right, pushed apart so they never overlap, each
 * joined to its region by a leader line. Regions nested in another (the arm64 kernel image in vmalloc, the
 * optional KASAN shadow, dashed) are drawn as a narrow bar inside their parent. Returns the bar's bottom y.
 */
function bar(g, rows, x, y0, width, layout, onPick, labelled, nested) {
  let y = y0;
  const labels = [];
  for (const { r, h } of rows) {
    const rect = svg('rect', { x, y, width, height: Math.max(h, 0.5), fill: color(r), stroke: '#555',
      'stroke-width': 0.5, class: 'region', 'data-kind': r.kind, 'data-start': r.start, 'data-end': r.end });
    rect.append(svg('title', {}, r.start + '–' + r.end + '  ' + r.label + ' (' + r.size + ')\n' + r.description));
    const top = y;
    rect.addEventListener('click', ev => {
      const box = rect.getBoundingClientRect();
      const f = box.height > 0 ? (ev.clientY - box.top) / box.height : 0;
      onPick(addressAt(r, f, layout.pageShift, layout.addressBits), r);
    });
    g.append(rect);
    if (labelled) labels.push({ r, mid: top + h / 2 });
    y += h;
  }
  for (const n of nested || []) {
    let top = y0;
    for (const { r, h } of rows) {
      if (BigInt('0x' + n.start) >= BigInt('0x' + r.start) && BigInt('0x' + n.end) <= BigInt('0x' + r.end)) {
        const span = Number(BigInt('0x' + r.end) - BigInt('0x' + r.start) + 1n);
        const at = Number(BigInt('0x' + n.start) - BigInt('0x' + r.start)) / span;
        const nh = Math.max(3, Number(BigInt('0x' + n.end) - BigInt('0x' + n.start) + 1n) / span * h);
        const rect = svg('rect', { x: x + width - 30, y: top + at * h, width: 26, height: nh, fill: color(n),
          stroke: '#333', 'stroke-width': 0.8, 'stroke-dasharray': n.optional ? '3 2' : '', class: 'region nested',
          'data-kind': n.kind, 'data-start': n.start, 'data-end': n.end });
        rect.append(svg('title', {}, n.start + '–' + n.end + '  ' + n.label + ' (' + n.size + '), inside '
          + r.label + (n.optional ? ', in some configurations only' : '') + '\n' + n.description));
        rect.addEventListener('click', ev => {
          ev.stopPropagation();
          const box = rect.getBoundingClientRect();
          onPick(addressAt(n, box.height > 0 ? (ev.clientY - box.top) / box.height : 0, layout.pageShift,
            layout.addressBits), n);
        });
        g.append(rect);
        if (labelled) labels.push({ r: { ...n, label: '  ↳ ' + n.label + (n.optional ? ' (optional)' : '') },
          mid: top + at * h + nh / 2 });
        break;
      }
      top += h;
    }
  }
  labels.sort((a, b) => a.mid - b.mid);
  let last = -Infinity;
  for (const l of labels) {
    const ly = Math.max(l.mid, last + LABEL_GAP);
    last = ly;
    g.append(svg('line', { x1: x + width, y1: l.mid, x2: x + width + 14, y2: ly, stroke: '#999' }));
    const t = svg('text', { x: x + width + 18, y: ly + 4, class: 'region-label' });
    t.append(svg('tspan', { class: 'addr' }, l.r.start));
    t.append(svg('tspan', { dx: 8 }, l.r.label + ' · ' + l.r.size));
    g.append(t);
  }
  return Math.max(y, last + LABEL_GAP);
}

/** The 64-bit drawing: heights from log2(size). */
function logDrawing(g, layout, onPick) {
  const pxPerDoubling = 1.6;
  const minBits = 11;
  const rows = layout.regions.map(r => ({ r, h: Math.max(7, (r.log2Size - minBits) * pxPerDoubling) }));
  const bottom = bar(g, rows, 20, 40, 110, layout, onPick, true, layout.nested);
  g.append(svg('text', { x: 20, y: 18, class: 'scale-label' },
    'log scale: a region\'s height grows ' + pxPerDoubling + ' px each time its size doubles (4 KiB → '
    + ((12 - minBits) * pxPerDoubling).toFixed(1) + ' px, 2^64 → ' + ((64 - minBits) * pxPerDoubling).toFixed(0)
    + ' px; at least 7 px)'));
  g.append(svg('text', { x: 20, y: 32, class: 'scale-label' }, 'address 0 at the top; click a region to translate'));
  return bottom;
}

/** The i386 drawing: the whole 4 GiB linearly, then the kernel's 1 GiB enlarged, linearly too. */
function linearDrawing(g, layout, onPick) {
  const full = 560;
  const gib4 = 2 ** 32;
  const rowsOf = (regions, from, span, height) => regions.map(r => {
    const s = Math.max(Number(BigInt('0x' + r.start)), from);
    const e = Number(BigInt('0x' + r.end)) + 1;
    return { r, h: (e - s) / span * height };
  });
  g.append(svg('text', { x: 20, y: 18, class: 'scale-label' },
    'linear scale: left bar 1 px = ' + (gib4 / full / 2 ** 20).toFixed(1) + ' MiB (all 4 GiB); right bar 1 px = '
    + (2 ** 30 / full / 2 ** 20).toFixed(2) + ' MiB (the kernel\'s 1 GiB)'));
  g.append(svg('text', { x: 20, y: 32, class: 'scale-label' }, 'address 0 at the top; click a region to translate'));
  const y0 = 40;
  bar(g, rowsOf(layout.regions, 0, gib4, full), 20, y0, 70, layout, onPick, false);
  const i = layout.i386;
  const pageOffset = Number(BigInt('0x' + i.pageOffset));
  const split = y0 + pageOffset / gib4 * full;
  g.append(svg('line', { x1: 10, y1: split, x2: 100, y2: split, stroke: '#c00', 'stroke-width': 2 }));
  g.append(svg('text', { x: 22, y: y0 + 16, class: 'big-label' }, 'user 3 GiB'));
  g.append(svg('text', { x: 22, y: split + 14, class: 'big-label' }, 'kernel'));
  g.append(svg('text', { x: 22, y: split + 26, class: 'big-label' }, '1 GiB'));
  g.append(svg('text', { x: 104, y: split + 4, class: 'mark-label' }, 'PAGE_OFFSET ' + i.pageOffset + ' (3G/1G split)'));
  // the kernel's 1 GiB, enlarged
  const kx = 400;
  const kernel = layout.regions.filter(r => BigInt('0x' + r.end) >= BigInt(pageOffset));
  g.append(svg('line', { x1: 90, y1: split, x2: kx, y2: y0, stroke: '#bbb', 'stroke-dasharray': '4 3' }));
  g.append(svg('line', { x1: 90, y1: y0 + full, x2: kx, y2: y0 + full, stroke: '#bbb', 'stroke-dasharray': '4 3' }));
  const bottom = bar(g, rowsOf(kernel, pageOffset, 2 ** 30, full), kx, y0, 90, layout, onPick, true);
  const mib896 = (pageOffset + 896 * 2 ** 20).toString(16);
  // the limits, each a dashed line across the enlarged bar; labels pushed apart so they never overlap
  const marks = [
    [mib896, '896 MiB above PAGE_OFFSET (the classic limit)', '#777'],
    [i.maxmem, 'MAXMEM: the lowmem limit, ' + i.maxmemMiB.toFixed(1) + ' MiB', '#c00'],
    [i.lowmemEnd, 'high_memory: lowmem ends (' + i.lowmemMb + ' MiB of RAM)', '#06c'],
  ].map(([a, text, colour]) => ({ y: y0 + (Number(BigInt('0x' + a)) - pageOffset) / 2 ** 30 * full, text, colour }))
    .sort((a, b) => a.y - b.y);
  let last = -Infinity;
  for (const m of marks) {
    const ly = Math.max(m.y + 30, last + LABEL_GAP);
    last = ly;
    g.append(svg('line', { x1: kx - 6, y1: m.y, x2: kx + 90, y2: m.y, stroke: m.colour, 'stroke-width': 1.5,
      'stroke-dasharray': '5 2' }));
    g.append(svg('line', { x1: kx - 6, y1: m.y, x2: kx - 20, y2: ly - 4, stroke: m.colour }));
    g.append(svg('text', { x: kx - 22, y: ly, class: 'mark-label', fill: m.colour, 'text-anchor': 'end' }, m.text));
  }
  return Math.max(bottom, y0 + full + 20);
}

/** Draws the layout into box (replacing what was there); onPick(addressHex, region) on a click. */
export function drawLayout(box, layout, onPick) {
  const s = svg('svg', { id: 'layout-drawing', width: 900, class: 'layout-drawing', 'data-arch': layout.arch });
  const g = svg('g', {});
  s.append(g);
  box.replaceChildren(s);
  const bottom = layout.addressBits === 32 ? linearDrawing(g, layout, onPick) : logDrawing(g, layout, onPick);
  s.setAttribute('height', Math.ceil(bottom + 10));
}

/** The colour key of the drawing, as HTML: [[name, colour]]. */
export function legendEntries() {
  return [...Object.entries(COLORS), ['unused hole / guard', HOLE]];
}
