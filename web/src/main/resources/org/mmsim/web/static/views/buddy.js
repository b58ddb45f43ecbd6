// The buddy view: an alloc-demo on a small machine. alloc_pages and __free_pages from the page, each shown step
// by step as the allocator took it, with the free lists, pageblocks, per-CPU lists and /proc files of each step.
import { api, el, errorBox, showError, hex, table, useStyle } from '/common.js';
import { freeListGrid, memoryMap, pcpLists, typeColor } from '/buddy-draw.js';

let view = null;
let index = 0;
let timer = null;
let parts = null;

export async function mount(root) {
  useStyle('buddy');
  const err = errorBox('buddy-error');
  const order = el('select', { id: 'buddy-order' });
  for (let o = 0; o <= 10; o++) order.append(el('option', { value: String(o) }, String(o)));
  const gfp = el('select', { id: 'buddy-gfp' });
  const pcpOn = el('input', { type: 'checkbox', id: 'buddy-pcp-on' });
  const batch = el('input', { type: 'number', id: 'buddy-batch', min: '1', max: '32', value: '4' });
  const high = el('input', { type: 'number', id: 'buddy-high', min: '1', max: '256', value: '16' });
  const drain = el('button', { id: 'buddy-drain', onclick: () => act(err, 'POST', '/api/buddy/drain', {}) },
    'drain_local_pages');
  parts = {
    root, err, order, gfp, pcpOn, batch, high, drain,
    operation: el('h3', { id: 'buddy-operation' }),
    stepIndex: el('span', { id: 'buddy-step-index' }),
    fn: el('span', { id: 'buddy-function' }),
    text: el('span', {}),
    trace: el('pre', { id: 'buddy-trace' }),
    steps: el('ol', { id: 'buddy-steps' }),
    lists: el('div', {}),
    map: el('div', {}),
    pcp: el('div', {}),
    allocated: el('div', {}),
    buddyinfo: el('pre', { id: 'buddy-buddyinfo' }),
    pagetypeinfo: el('pre', { id: 'buddy-pagetypeinfo' }),
    machine: el('p', { class: 'buddy-note', id: 'buddy-machine' }),
    scale: el('select', { id: 'buddy-scale', onchange: () => go(index) },
      ['2', '4', '8', '16'].map(v => el('option', { value: v }, v + ' px'))),
  };
  const p = parts;
  const button = (id, label, f) => el('button', { id, onclick: f }, label);
  root.append(
    el('h2', {}, 'Buddy allocator: alloc_pages and __free_pages, step by step'),
    p.machine,
    el('div', { class: 'panel buddy-forms' },
      el('span', {}, el('label', { for: 'buddy-order' }, 'order'), order,
        el('label', { for: 'buddy-gfp' }, ' gfp'), gfp,
        button('buddy-alloc', 'alloc_pages', () => act(err, 'POST', '/api/buddy/alloc',
          { order: Number(order.value), gfp: gfp.value }))),
      el('span', {}, el('label', { for: 'buddy-pcp-on' }, 'per-CPU lists'), pcpOn,
        el('label', { for: 'buddy-batch' }, ' batch'), batch, el('label', { for: 'buddy-high' }, ' high'), high,
        button('buddy-reset', 'reset machine', () => act(err, 'POST', '/api/buddy/reset',
          { pcp: pcpOn.checked, batch: Number(batch.value), high: Number(high.value) }))),
      drain),
    err,
    el('div', { class: 'row buddy-top' },
      el('div', { class: 'panel buddy-steps-panel' },
        p.operation,
        el('div', {},
          button('buddy-first', '|<', () => go(0)), button('buddy-prev', '< prev', () => go(index - 1)),
          p.stepIndex, button('buddy-next', 'next >', () => go(index + 1)),
          button('buddy-last', '>|', () => go(view.steps.length - 1)), button('buddy-play', 'play', play)),
        el('div', { id: 'buddy-step-text' }, p.fn, ' ', p.text),
        p.trace,
        p.steps),
      el('div', { class: 'panel' }, el('h3', {}, 'Free lists: free_area[order].free_list[migratetype]'),
        el('p', { class: 'buddy-note' }, 'Boxes: the blocks at the head of each list (pfn on hover). Green and red'
          + ' cells grew or shrank in this step.'),
        p.lists)),
    el('div', { class: 'panel' }, el('h3', {}, 'Memory: one row per pageblock, its migratetype on the left'),
      el('div', { class: 'buddy-legend' }, el('span', { id: 'buddy-legend' }),
        el('label', { for: 'buddy-scale' }, 'per page: '), p.scale),
      el('div', { class: 'buddy-mapbox' }, p.map)),
    el('div', { class: 'row' },
      el('div', { class: 'panel' }, el('h3', {}, 'Per-CPU lists'), p.pcp),
      el('div', { class: 'panel' }, el('h3', {}, 'Allocated blocks (now)'), p.allocated),
      el('div', { class: 'panel buddy-files' }, el('h3', {}, '/proc/buddyinfo'), p.buddyinfo,
        el('h3', {}, '/proc/pagetypeinfo'), p.pagetypeinfo)));
  try {
    view = await api('GET', '/api/buddy/state');
  } catch (e) {
    if (e.status !== 409) {
      showError(err, e);
      return;
    }
    view = await api('POST', '/api/buddy/reset', {});
  }
  showView(view);
}

export function unmount() {
  stopPlay();
  parts = null;
}

async function act(err, method, path, body) {
  stopPlay();
  try {
    showError(err, null);
    showView(await api(method, path, body));
  } catch (e) {
    showError(err, e);
  }
}

function showView(v) {
  view = v;
  const p = parts;
  if (!p) return;
  const z = v.zone;
  p.machine.textContent = 'x86_64, one CPU, one ' + z.name + ' zone of ' + (z.endPfn - z.startPfn) + ' pages ('
    + hex(z.startPfn) + '-' + hex(z.endPfn - 1) + '), pageblocks of ' + 2 ** z.pageblockOrder + ' pages, orders 0-'
    + (z.maxOrder - 1) + '; watermarks 0 and no reclaim or compaction, as mmsim alloc-demo. Per-CPU lists '
    + (v.pcp.enabled ? 'on (batch ' + v.pcp.batch + ', high ' + v.pcp.high + ').' : 'off.');
  if (!p.gfp.options.length) {
    for (const g of v.gfpChoices) p.gfp.append(el('option', { value: g }, g));
  }
  p.pcpOn.checked = v.pcp.enabled;
  p.batch.value = v.pcp.batch;
  p.high.value = v.pcp.high;
  p.drain.hidden = !v.pcp.enabled;
  p.operation.textContent = v.operation;
  document.getElementById('buddy-legend').replaceChildren(
    ...z.types.map((t, mt) => el('span', {}, el('i', { style: 'background:' + typeColor(mt) }), 'free ' + t)),
    el('span', {}, el('i', { class: 'buddy-seg-pcp', style: 'background:#e6c200' }), 'per-CPU list'),
    el('span', {}, el('i', { style: 'background:#444' }), 'allocated'));
  p.steps.replaceChildren(...v.steps.map((s, i) => el('li', { onclick: () => go(i), dataset: { function: s.function } },
    el('code', {}, s.function), ' ', s.text)));
  p.root.dataset.steps = String(v.steps.length);
  go(v.steps.length - 1);
}

/** Shows step i of the last operation: its text and trace line, and the zone as the step left it. */
function go(i) {
  const p = parts;
  if (!p || !view) return;
  index = Math.max(0, Math.min(view.steps.length - 1, i));
  const step = view.steps[index];
  const prev = index > 0 ? view.steps[index - 1].state : null;
  const s = step.state;
  p.stepIndex.textContent = ' step ' + (index + 1) + ' of ' + view.steps.length + ' ';
  p.fn.textContent = step.function;
  p.text.textContent = step.text;
  p.trace.textContent = step.trace;
  p.trace.hidden = !step.trace;
  [...p.steps.children].forEach((li, k) => li.classList.toggle('current', k === index));
  const li = p.steps.children[index];
  if (li) p.steps.scrollTop = li.offsetTop - p.steps.clientHeight / 2;
  const changed = new Set();
  if (prev) {
    const before = new Set(prev.map.map(m => m.join(':')));
    for (const m of s.map) if (!before.has(m.join(':'))) changed.add(m[0]);
  }
  p.lists.replaceChildren(freeListGrid(view.zone, s, prev));
  p.map.replaceChildren(memoryMap(view.zone, s, changed, Number(p.scale.value)));
  p.pcp.replaceChildren(pcpLists(view.pcp, s));
  const now = view.steps[view.steps.length - 1].state;
  p.allocated.replaceChildren(now.allocated.length === 0 ? el('p', { id: 'buddy-allocated', class: 'buddy-note' }, 'None.')
    : table(['pfn', 'order', 'pages', 'gfp', ''], now.allocated.map(a => [hex(a.pfn), a.order, 2 ** a.order, a.gfp,
      el('button', { class: 'buddy-free', dataset: { pfn: String(a.pfn), order: String(a.order) },
        onclick: () => act(p.err, 'POST', '/api/buddy/free', { pfn: a.pfn, order: a.order }) }, '__free_pages')]),
    { id: 'buddy-allocated' }));
  p.buddyinfo.textContent = s.buddyinfo;
  p.pagetypeinfo.textContent = s.pagetypeinfo;
  p.root.dataset.step = String(index);
}

/** Steps through the last operation from its first step, one step every 700 ms. */
function play() {
  stopPlay();
  go(0);
  timer = setInterval(() => {
    if (!view || index >= view.steps.length - 1) {
      stopPlay();
      return;
    }
    go(index + 1);
  }, 700);
}

function stopPlay() {
  if (timer) clearInterval(timer);
  timer = null;
}
