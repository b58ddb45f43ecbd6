// The process view: the processes of the session's run at its present moment, a process's VMAs (maps, smaps and a
// table made from them) and the page-table walk of any address, level by level with the entry bits decoded.
import { api, el, table, errorBox, showError, useStyle } from '/common.js';
import { levelRows, endText } from '/process-walk.js';

let state = null;

export async function mount(root) {
  useStyle('process');
  const err = errorBox('process-error');
  const moment = el('p', { id: 'process-moment', class: 'moment' });
  const list = el('div', { id: 'process-list-box' });
  const detail = el('div', { id: 'process-detail' });
  state = { root, err, moment, list, detail, pid: null };
  root.append(el('h2', {}, 'Processes'), moment, err, list, detail);
  await refresh();
}

export function unmount() {
  state = null;
}

async function refresh() {
  const s = state;
  showError(s.err, null);
  try {
    const r = await api('GET', '/api/process/list');
    s.moment.textContent = 'Processes of the run "' + r.scenario + '" at its present moment, t = '
      + (r.timeNs / 1e9).toFixed(3) + ' s. Step the run in the Run view to move it, then refresh.';
    s.moment.append(' ', el('button', { id: 'process-refresh', onclick: refresh }, 'Refresh'));
    s.list.replaceChildren(processTable(r.processes));
    if (s.pid !== null && r.processes.some(p => p.pid === s.pid)) {
      await pick(s.pid);
    } else {
      s.detail.replaceChildren();
    }
  } catch (e) {
    if (e.status === 409) {
      s.moment.replaceChildren('No run in this session: start one in the ', el('a', { href: '#run' }, 'Run view'),
        ', or here: ', startButton('processes', 3, 'processes (fork and copy-on-write), to 3 s'), ' ',
        startButton('default', 'end', 'default (swap entries), to its end'));
    } else {
      showError(s.err, e);
    }
  }
}

function startButton(scenario, to, label) {
  return el('button', { class: 'start-run', 'data-scenario': scenario, onclick: async () => {
    try {
      await api('POST', '/api/run/start', { scenario });
      if (to === 'end') {
        await api('POST', '/api/run/step', { by: 'end' });
      } else {
        for (let i = 0; i < to; i++) await api('POST', '/api/run/step', { by: '1s' });
      }
      await refresh();
    } catch (e) {
      showError(state.err, e);
    }
  } }, label);
}

function processTable(processes) {
  if (processes.length === 0) {
    return el('p', { id: 'process-list-empty' }, 'No process is alive at this moment.');
  }
  const t = table(['pid', 'name', 'RSS (pages)', 'swap (pages)'], processes.map(p =>
    [String(p.pid), p.name, p.rssPages.toLocaleString('en-US'), p.swapPages.toLocaleString('en-US')]),
  { id: 'process-list' });
  t.querySelectorAll('tbody tr').forEach((tr, i) => {
    const pid = processes[i].pid;
    tr.dataset.pid = pid;
    tr.classList.toggle('picked', pid === state.pid);
    tr.addEventListener('click', () => pick(pid));
  });
  return t;
}

async function pick(pid) {
  const s = state;
  showError(s.err, null);
  try {
    const r = await api('GET', '/api/process/' + pid);
    s.pid = pid;
    s.list.querySelectorAll('tr[data-pid]').forEach(tr => tr.classList.toggle('picked', +tr.dataset.pid === pid));
    const addr = el('input', { id: 'walk-addr', size: 20, placeholder: '0x7f0000000000' });
    const walkBox = el('div', { id: 'walk' });
    const go = () => walk(pid, '/api/process/' + pid + '/walk?addr=' + encodeURIComponent(addr.value), walkBox);
    addr.addEventListener('keydown', e => { if (e.key === 'Enter') go(); });
    const find = what => walk(pid, '/api/process/' + pid + '/find?what=' + what, walkBox, addr);
    s.detail.replaceChildren(
      el('h3', {}, 'Process ' + pid + ' (' + r.name + '): ' + r.vmas.length + ' VMAs'),
      vmaTable(r.vmas, a => { addr.value = a; go(); }),
      el('div', { class: 'walk-controls' }, 'Walk the page tables of address ', addr,
        el('button', { id: 'walk-go', onclick: go }, 'Walk'),
        el('button', { id: 'find-swap', onclick: () => find('swap') }, 'Find a swap entry'),
        el('button', { id: 'find-cow', onclick: () => find('cow') }, 'Find a COW-shared page')),
      walkBox,
      el('details', {}, el('summary', {}, '/proc/' + pid + '/maps'), el('pre', { id: 'maps-text' }, r.maps)),
      el('details', {}, el('summary', {}, '/proc/' + pid + '/smaps'), el('pre', { id: 'smaps-text' }, r.smaps)));
  } catch (e) {
    showError(s.err, e);
  }
}

function vmaTable(vmas, onAddress) {
  const rows = vmas.map(v => [
    el('a', { href: '#process', class: 'walk-addr', 'data-addr': '0x' + v.start,
      onclick: ev => { ev.preventDefault(); onAddress('0x' + v.start); } }, v.start + '-' + v.end),
    v.perms, v.offset, v.name, v.rssKb.toLocaleString('en-US'), v.swapKb.toLocaleString('en-US')]);
  const t = table(['range (click to walk its start)', 'flags', 'offset', 'name', 'RSS kB', 'Swap kB'], rows,
    { id: 'vma-table' });
  t.querySelectorAll('tbody tr').forEach((tr, i) => {
    const v = vmas[i];
    Object.assign(tr.dataset, { start: v.start, end: v.end, perms: v.perms, offset: v.offset, name: v.name });
    tr.classList.add('vma');
  });
  return t;
}

async function walk(pid, path, box, addrInput) {
  showError(state.err, null);
  try {
    const w = await api('GET', path);
    if (addrInput) addrInput.value = w.address;
    const levels = table(['level', 'index (bits)', 'entry', 'present', 'rw', 'user', 'accessed', 'dirty', 'NX',
      'PSE', 'swap (type/offset)', 'next table'], levelRows(w), { id: 'walk-levels' });
    levels.querySelectorAll('tbody tr').forEach((tr, i) => {
      tr.dataset.level = w.levels[i].level;
      tr.dataset.entry = w.levels[i].entry;
      tr.dataset.index = w.levels[i].index;
    });
    const end = el('p', { id: 'walk-end', 'data-end': w.end, 'data-cow': String(w.cowShared),
      'data-address': w.address, 'data-phys': w.physAddr || '' }, endText(w));
    box.replaceChildren(el('h3', {}, 'Walk of ' + w.address + ' in process ' + pid + ' (' + w.paging + ')'),
      levels, end, el('pre', { id: 'walk-text' }, w.text));
  } catch (e) {
    showError(state.err, e);
  }
}
