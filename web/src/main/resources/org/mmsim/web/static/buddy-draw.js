// The buddy view's drawings: the free lists as a grid (order x migratetype) of blocks, the zone's memory as one
// row per pageblock with its free, per-CPU and allocated blocks, and CPU 0's per-CPU lists.
import { el, hex } from '/common.js';

const TYPE_COLORS = ['#d9534f', '#4cae4c', '#428bca', '#f0ad4e', '#999999', '#777777'];

/** The colour of a migratetype (by its index in the zone's type names). */
export function typeColor(mt) {
  return TYPE_COLORS[mt] || '#bbb';
}

function blockTitle(pfn, order, what) {
  const end = pfn + 2 ** order - 1;
  return 'pfn ' + hex(pfn) + (order > 0 ? '-' + hex(end) : '') + ', order ' + order + ' (' + 2 ** order
    + (order > 0 ? ' pages' : ' page') + ')' + (what ? ', ' + what : '');
}

/**
 * The free lists: a row per order (highest first), a column per migratetype, each cell the blocks at the head of
 * free_area[order].free_list[mt] as boxes (pfn on hover) and the list's length. Cells that changed since the
 * previous step are marked.
 */
export function freeListGrid(zone, state, prev) {
  const head = el('tr', {}, el('th', {}, 'order'), zone.types.map((t, mt) =>
    el('th', { style: 'border-bottom: 3px solid ' + typeColor(mt) }, t)), el('th', {}, 'nr_free'));
  const rows = [];
  for (let o = zone.maxOrder - 1; o >= 0; o--) {
    const cells = zone.types.map((t, mt) => {
      const list = state.lists[o][mt];
      const before = prev ? prev.lists[o][mt].count : list.count;
      const boxes = list.head.map((pfn, i) => el('span', {
        class: 'buddy-blk', style: 'background:' + typeColor(mt) + ';width:' + (4 + o) + 'px', title: blockTitle(pfn, o, t
          + (i === 0 ? ', list head' : '')), dataset: { pfn: String(pfn) },
      }));
      const more = list.count > list.head.length ? el('span', { class: 'buddy-more' }, '+' + (list.count - list.head.length)) : null;
      const changed = list.count !== before ? (list.count > before ? ' buddy-grew' : ' buddy-shrank') : '';
      return el('td', { class: 'buddy-cell' + changed, dataset: { order: String(o), mt: String(mt), count: String(list.count) } },
        list.count > 0 ? el('span', { class: 'buddy-count' }, list.count) : '', boxes, more);
    });
    rows.push(el('tr', {}, el('th', {}, String(o) + ' (' + (2 ** o) + ')'), cells,
      el('td', { class: 'buddy-nrfree', dataset: { order: String(o) } }, state.nrFree[o])));
  }
  return el('table', { id: 'buddy-lists', class: 'buddy-lists' }, el('thead', {}, head), el('tbody', {}, rows));
}

/**
 * The zone's memory, one row per pageblock (its start pfn and migratetype on the left), px pixels per page:
 * free blocks in their list's colour, per-CPU pages hatched, allocated blocks dark. A block of more than one
 * pageblock is drawn in each row it covers.
 */
export function memoryMap(zone, state, highlight, px) {
  const pbPages = 2 ** zone.pageblockOrder;
  const rows = [];
  for (let b = 0; b < state.pageblocks.length; b++) {
    const start = zone.startPfn + b * pbPages;
    const mt = state.pageblocks[b];
    const bar = el('div', { class: 'buddy-bar', style: 'width:' + pbPages * px + 'px' });
    for (const [pfn, order, kind, lmt] of state.map) {
      const end = pfn + 2 ** order;
      if (end <= start || pfn >= start + pbPages) continue;
      const from = Math.max(pfn, start) - start;
      const to = Math.min(end, start + pbPages) - start;
      const what = kind === 'free' ? 'free on the ' + zone.types[lmt] + ' list'
        : kind === 'pcp' ? 'on a per-CPU list' : 'allocated';
      const seg = el('div', {
        class: 'buddy-seg buddy-' + kind + (highlight && highlight.has(pfn) ? ' buddy-hl' : ''),
        style: 'left:' + from * px + 'px;width:' + Math.max(1, (to - from) * px - 1) + 'px;'
          + (kind === 'free' ? 'background:' + typeColor(lmt) : ''),
        title: blockTitle(pfn, order, what), dataset: { pfn: String(pfn), order: String(order), kind },
      });
      bar.append(seg);
    }
    rows.push(el('div', { class: 'buddy-pbrow', dataset: { pageblock: String(b), mt: String(mt) } },
      el('span', { class: 'buddy-pblabel', style: 'border-left: 8px solid ' + typeColor(mt) },
        hex(start) + ' ' + zone.types[mt]), bar));
  }
  return el('div', { id: 'buddy-map', class: 'buddy-map' }, rows);
}

/** CPU 0's per-CPU lists: each list's pages head to tail, with pcp->count, ->high and ->batch. */
export function pcpLists(pcp, state) {
  if (!pcp.enabled) {
    return el('p', { id: 'buddy-pcp', class: 'buddy-note' }, 'Per-CPU lists off: every order goes to the buddy lists.');
  }
  const lists = state.pcp.map(l => el('div', { class: 'buddy-pcplist', dataset: { pindex: String(l.pindex) } },
    el('span', { class: 'buddy-pcpname' }, '[' + l.name + ']'),
    l.pfns.map((pfn, i) => el('span', { class: 'buddy-blk buddy-pcpblk', title: blockTitle(pfn, l.order,
      i === 0 ? 'list head' : i === l.pfns.length - 1 ? 'list tail' : '') }, hex(pfn)))));
  return el('div', { id: 'buddy-pcp', dataset: { count: String(state.pcpCount) } },
    el('div', {}, 'CPU 0: pcp->count ' + state.pcpCount + ', pcp->high ' + pcp.high + ', pcp->batch ' + pcp.batch),
    lists.length ? lists : el('p', { class: 'buddy-note' }, 'All lists empty.'));
}
