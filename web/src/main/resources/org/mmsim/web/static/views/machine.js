// The machine view: boot a machine (preset, machine file, dmesg or a real machine's /proc files) and show its
// firmware map, memblock, nodes and zones with watermarks, lowmem_reserve and pcp, the boot log and buddyinfo;
// below, the virtual layout of an architecture drawn to scale, where a click translates an address.
import { api, el, table, errorBox, showError, useStyle } from '/common.js';
import { drawLayout, legendEntries } from '/machine-layout.js';

const GRANULE_VA = { 4: [39, 48], 16: [36, 47, 48], 64: [42, 48, 52] };

let state = null;

function num(n) {
  return n === null || n === undefined ? '' : Number(n).toLocaleString('en-US');
}

/** Bytes as the kernel's boot log sizes them: B, KiB, MiB, GiB, TiB. */
function bytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = Number(n);
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return (Number.isInteger(v) ? v : v.toFixed(1)) + ' ' + units[u];
}

function section(title, id, ...content) {
  return el('section', { class: 'panel', id }, el('h3', {}, title), ...content);
}

function fileField(id, label, multiple) {
  return el('label', { class: 'upload' }, label + ' ', el('input', { type: 'file', id, multiple }));
}

function form() {
  const presets = el('select', { id: 'preset' });
  const boot = async (what, body, path) => {
    showError(state.error, null);
    state.root.dataset.booting = what;
    try {
      const m = await api('POST', path, body);
      showMachine(m);
    } catch (e) {
      showError(state.error, e);
    } finally {
      delete state.root.dataset.booting;
    }
  };
  const upload = (field, inputId, extra) => {
    const fd = new FormData();
    const input = document.getElementById(inputId);
    for (const f of input.files) fd.append(field, f);
    if (extra) {
      const io = document.getElementById(extra.id);
      if (io.files.length) fd.append(extra.field, io.files[0]);
    }
    return fd;
  };
  const f = el('form', { id: 'machine-form', class: 'panel', onsubmit: e => e.preventDefault() },
    el('div', { class: 'form-row' },
      el('label', {}, 'Preset ', presets),
      el('button', { id: 'boot-preset', type: 'button',
        onclick: () => boot('preset', { preset: presets.value }, '/api/machine/boot/preset') }, 'Boot preset')),
    el('div', { class: 'form-row' },
      fileField('machine-file', 'Machine file (YAML)'),
      el('button', { id: 'boot-file', type: 'button',
        onclick: () => boot('file', upload('file', 'machine-file'), '/api/machine/boot/file') }, 'Boot machine file')),
    el('div', { class: 'form-row' },
      fileField('dmesg-file', 'Boot log (dmesg)'),
      fileField('iomem-file', 'its /proc/iomem (optional)'),
      el('button', { id: 'boot-dmesg', type: 'button',
        onclick: () => boot('dmesg', upload('file', 'dmesg-file', { id: 'iomem-file', field: 'iomem' }),
          '/api/machine/boot/dmesg') }, 'Boot from dmesg')),
    el('div', { class: 'form-row' },
      fileField('proc-files', 'A real machine\'s files (dmesg + zoneinfo, buddyinfo, meminfo, ...)', true),
      el('button', { id: 'boot-proc', type: 'button',
        onclick: () => boot('proc', upload('files', 'proc-files'), '/api/machine/boot/proc') },
      'Boot and compare')));
  return { f, presets };
}

function summary(m) {
  return el('div', { id: 'machine-summary', 'data-name': m.name },
    el('b', {}, m.name), ' — booted from ', m.source, '; ', m.arch, ', ', m.cpus, ' CPUs, max_pfn ',
    '0x' + Number(m.maxPfn).toString(16), ', min_free_kbytes ', num(m.minFreeKbytes),
    m.cmdline ? el('div', {}, 'command line: ', el('code', {}, m.cmdline)) : null);
}

function zonesTable(m) {
  const headers = ['Node', 'Zone', 'start pfn', 'spanned', 'present', 'managed', 'free', 'min', 'low', 'high',
    'boost', 'lowmem_reserve', 'pcp high', 'pcp batch'];
  return table(headers, m.zones.map(z => [z.node, z.zone, num(z.startPfn), num(z.spanned), num(z.present),
    num(z.managed), num(z.free), num(z.min), num(z.low), num(z.high), num(z.boost),
    '(' + z.lowmemReserve.join(', ') + ')', num(z.pcpHigh), num(z.pcpBatch)]), { id: 'zones' });
}

function buddyTable(m) {
  const orders = m.buddyinfo.length ? m.buddyinfo[0].nrFree.length : 11;
  const headers = ['Node', 'Zone', ...Array.from({ length: orders }, (_, o) => 'order ' + o)];
  return table(headers, m.buddyinfo.map(z => [z.node, z.zone, ...z.nrFree.map(num)]), { id: 'buddyinfo' });
}

function regionTable(id, rows) {
  return table(['#', 'base', 'end', 'size', 'node', 'flags'],
    rows.map(r => [r.index, r.base, r.end, bytes(r.size), r.node, r.flags]), { id });
}

function comparison(c) {
  const side = (title, lines) => el('div', { class: 'proc-side' }, el('h4', {}, title),
    el('pre', {}, lines.map((l, i) => el('span', { class: c.differs.includes(i) ? 'line differs' : 'line' },
      l + '\n'))));
  return el('div', { class: 'proc-compare', dataset: { file: c.name, differs: c.differs.length } },
    el('h4', {}, '/proc/' + c.name + ': ' + c.differs.length + ' of ' + Math.max(c.real.length, c.model.length)
      + ' lines differ (marked)'),
    el('div', { class: 'row' }, side('uploaded (the real machine)', c.real), side('the model at boot', c.model)));
}

function showMachine(m) {
  state.machine = m;
  const out = state.out;
  out.replaceChildren(
    summary(m),
    el('div', { class: 'row' },
      section('Firmware memory map (e820 / memory nodes)', 'firmware-panel',
        table(['start', 'end', 'size', 'type'], m.firmware.map(r => [r.start, r.end, bytes(r.size), r.type]),
          { id: 'firmware' }),
        m.numa.length ? table(['node', 'start', 'end'], m.numa.map(r => [r.node, r.start, r.end]), { id: 'numa' })
          : el('p', {}, 'No SRAT: one node.')),
      section('Nodes', 'nodes-panel', table(['Node', 'start pfn', 'end pfn', 'spanned', 'present'],
        m.nodes.map(n => [n.node, num(n.startPfn), num(n.endPfn), num(n.spanned), num(n.present)]),
        { id: 'nodes' }))),
    section('Zones: pages, watermarks (min/low/high, boost), lowmem_reserve and per-CPU lists', 'zones-panel',
      zonesTable(m)),
    section('/proc/buddyinfo: free blocks per order', 'buddyinfo-panel', buddyTable(m)),
    m.compared.length ? section('The uploaded /proc files beside the model\'s at boot', 'compare-panel',
      m.compared.map(comparison),
      m.ignored && m.ignored.length ? el('p', {}, 'Not modelled, not compared: ' + m.ignored.join(', ')) : null)
      : null,
    el('div', { class: 'row' },
      section('memblock.memory', 'memblock-memory-panel', regionTable('memblock-memory', m.memblockMemory)),
      section('memblock.reserved', 'memblock-reserved-panel', regionTable('memblock-reserved', m.memblockReserved)),
      section('Reservations made at boot', 'reservations-panel', table(['start', 'end', 'size', 'what'],
        m.reservations.map(r => [r.start, r.end, bytes(r.size), r.what + (r.freedLater ? ' (freed later)' : '')]),
        { id: 'reservations' }))),
    section('Boot log: the lines about memory', 'boot-log-panel', el('pre', { id: 'boot-log' }, m.bootLog.join('\n'))));
  state.root.dataset.booted = m.name;
  const arch = m.arch === 'i386-pae' ? 'i386-pae' : m.arch;
  state.layoutArch.value = arch;
  syncChooser();
  drawChosen();
}

function syncChooser() {
  const a = state.layoutArch.value;
  state.levelsBox.hidden = a !== 'x86_64';
  state.armBox.hidden = a !== 'arm64';
  state.vmallocBox.hidden = !a.startsWith('i386');
  const g = state.granule.value;
  const keep = state.vaBits.value;
  state.vaBits.replaceChildren(...GRANULE_VA[g].map(v => el('option', { value: v }, v + '-bit VA')));
  state.vaBits.value = GRANULE_VA[g].includes(Number(keep)) ? keep : '48';
}

function layoutQuery() {
  const a = state.layoutArch.value;
  const q = new URLSearchParams({ arch: a });
  if (a === 'x86_64') q.set('levels', state.levels.value);
  if (a === 'arm64') {
    q.set('granule', state.granule.value);
    q.set('vaBits', state.vaBits.value);
  }
  if (state.mem.value.trim()) q.set('mem', state.mem.value.trim());
  if (a.startsWith('i386') && state.vmalloc.value.trim()) q.set('vmalloc', state.vmalloc.value.trim());
  return q;
}

async function drawChosen() {
  showError(state.layoutError, null);
  delete state.root.dataset.layout;
  try {
    const layout = await api('GET', '/api/layout?' + layoutQuery());
    state.layout = layout;
    state.translation.replaceChildren();
    delete state.root.dataset.translated;
    state.layoutTitle.textContent = layout.title + ' — sized for ' + layout.sizedFor;
    drawLayout(state.drawing, layout, address => {
      state.address.value = address;
      translate();
    });
    state.why.replaceChildren(...(layout.i386 ? [
      el('h4', {}, 'Why lowmem ends at ' + layout.i386.maxmemMiB.toFixed(1) + ' MiB and not at 1 GiB'),
      el('p', {}, 'The kernel has only the top 1 GiB of the 4 GiB address space (the 3G/1G split). It maps RAM '
        + 'there permanently from PAGE_OFFSET (the direct map: lowmem), but must keep room above it for vmalloc '
        + '(128 MiB by default), the pkmap window of kmap() and the fixmap. What is left is MAXMEM; RAM above it '
        + 'is highmem, mapped only for a moment when needed. The classic 896 MiB is 1024 − 128; the fixed areas '
        + 'at the top take a few MiB more.'),
      el('pre', { id: 'lowmem-breakdown' }, layout.i386.breakdown.join('\n')),
      el('pre', { id: 'lowmem-bootlog' }, layout.i386.bootLog.join('\n'))] : []),
    el('details', {}, el('summary', {}, 'mmsim layout table'), el('pre', { id: 'layout-table' },
      layout.table.join('\n'))));
    state.root.dataset.layout = layout.arch + (layout.arch === 'x86_64' ? '-' + state.levels.value : '');
  } catch (e) {
    showError(state.layoutError, e);
  }
}

async function translate() {
  showError(state.layoutError, null);
  const q = layoutQuery();
  q.set('address', state.address.value.trim());
  try {
    const t = await api('GET', '/api/layout/translate?' + q);
    const rows = [
      ['address', t.address], ['kind', t.kind], ['region', t.region + ' (' + t.regionStart + '–' + t.regionEnd + ')'],
      ['physical address', t.phys || 'none by arithmetic (needs the page tables)'],
      ['pfn', t.pfn ? t.pfn + ' (' + num(BigInt(t.pfn)) + ')' : ''],
      ['zone', t.zone || (t.pfn || t.describedPfn ? t.zonesFrom : '')],
      ['struct page', t.structPage || (t.pfn ? 'not at a fixed address (flat mem_map)' : '')],
      ['describes pfn', t.describedPfn || ''],
    ];
    state.translation.replaceChildren(el('table', { id: 'translation' }, el('tbody', {},
      rows.map(([k, v]) => el('tr', { dataset: { field: k } }, el('th', {}, k), el('td', {}, v))))),
    el('p', { class: 'note' }, t.description));
    state.root.dataset.translated = t.address;
  } catch (e) {
    showError(state.layoutError, e);
  }
}

function layoutPanel() {
  const opt = (v, text) => el('option', { value: v }, text || v);
  state.layoutArch = el('select', { id: 'layout-arch', onchange: () => { syncChooser(); drawChosen(); } },
    opt('x86_64'), opt('arm64'), opt('i386', 'i386 (non-PAE)'), opt('i386-pae'));
  state.levels = el('select', { id: 'layout-levels', onchange: drawChosen }, opt('4', '4-level'), opt('5', '5-level'));
  state.granule = el('select', { id: 'layout-granule', onchange: () => { syncChooser(); drawChosen(); } },
    opt('4', '4K granule'), opt('16', '16K granule'), opt('64', '64K granule'));
  state.vaBits = el('select', { id: 'layout-vabits', onchange: drawChosen });
  state.mem = el('input', { id: 'layout-mem', size: 6, placeholder: 'booted / 1G' });
  state.vmalloc = el('input', { id: 'layout-vmalloc', size: 6, placeholder: '128M' });
  state.levelsBox = el('span', {}, state.levels);
  state.armBox = el('span', {}, state.granule, ' ', state.vaBits);
  state.vmallocBox = el('label', {}, ' vmalloc= ', state.vmalloc);
  state.address = el('input', { id: 'translate-address', size: 20, placeholder: '0xffff888000100000' });
  state.drawing = el('div', { id: 'layout-svg' });
  state.why = el('div', { id: 'lowmem-why' });
  state.translation = el('div', { id: 'translation-box' });
  state.layoutError = errorBox('layout-error');
  state.layoutTitle = el('div', { id: 'layout-title', class: 'layout-title' });
  const legend = el('div', { class: 'legend' }, legendEntries().map(([name, c]) =>
    el('span', {}, el('i', { style: 'background:' + c }), name)));
  return section('Virtual memory layout, to scale', 'layout-panel',
    el('div', { class: 'form-row' }, 'Architecture ', state.layoutArch, ' ', state.levelsBox, state.armBox,
      state.vmallocBox, el('label', {}, ' RAM ', state.mem),
      el('button', { id: 'layout-draw', type: 'button', onclick: drawChosen }, 'Draw')),
    el('div', { class: 'form-row' }, 'Translate an address ', state.address,
      el('button', { id: 'translate', type: 'button', onclick: translate }, 'Translate'),
      ' or click the drawing'),
    state.layoutError, state.layoutTitle, legend,
    el('div', { class: 'row' }, state.drawing, el('div', { class: 'layout-side' }, state.translation, state.why)));
}

export async function mount(root) {
  useStyle('machine');
  state = { root, error: errorBox('machine-error'), out: el('div', { id: 'machine-tables' }) };
  const { f, presets } = form();
  root.append(f, state.error, state.out, layoutPanel());
  const p = await api('GET', '/api/machine/presets');
  presets.replaceChildren(...p.presets.map(n => el('option', { value: n }, n)));
  presets.value = p.default;
  syncChooser();
  try {
    showMachine(await api('GET', '/api/machine'));
  } catch (e) {
    if (e.status !== 409) showError(state.error, e);
    state.out.append(el('p', { class: 'note' }, 'No machine booted yet: pick a preset or upload a file above.'));
    await drawChosen();
  }
}

export function unmount() {
  state = null;
}
