// The compare view: one built-in scenario run twice with two sets of --set words, the same charts of both
// overlaid (A solid, B dashed), the watermarks at the start and the headline figures side by side.
import { api, el, errorBox, showError, useStyle } from '/common.js';
import { drawCharts, watermarkTable, figureTable } from '/compare-charts.js';

const PRESETS = [
  ['min_free_kbytes 8 MiB vs 64 MiB', 'vm.min_free_kbytes=8192', 'vm.min_free_kbytes=65536'],
  ['watermark boost 15000 vs 0', 'vm.watermark_boost_factor=15000', 'vm.watermark_boost_factor=0'],
  ['THP always vs never', 'transparent_hugepage=always', 'transparent_hugepage=never'],
  ['watermark_scale_factor 10 vs 200', 'vm.watermark_scale_factor=10', 'vm.watermark_scale_factor=200'],
];

let state = null;

export async function mount(root) {
  useStyle('compare');
  const err = errorBox('compare-error');
  const scenario = el('select', { id: 'compare-scenario' });
  const a = el('input', { id: 'compare-a', size: 48, value: PRESETS[0][1] });
  const b = el('input', { id: 'compare-b', size: 48, value: PRESETS[0][2] });
  const progress = el('div', { id: 'compare-progress' });
  const results = el('div', { id: 'compare-results' });
  state = { err, progress, results, timer: null };
  const presets = PRESETS.map(([label, pa, pb]) =>
    el('button', { class: 'compare-preset', onclick: () => { a.value = pa; b.value = pb; } }, label));
  root.append(el('h2', {}, 'Compare two runs'),
    el('p', {}, 'A built-in scenario run to its end twice, with the --set words of A and of B (sysctls such as '
      + 'vm.min_free_kbytes=65536, boot parameters such as transparent_hugepage=never, scenario fields such as '
      + 'duration=5s). A is drawn solid, B dashed.'),
    el('div', { class: 'compare-form' },
      el('label', {}, 'Scenario ', scenario),
      el('label', {}, 'A ', a), el('label', {}, 'B ', b),
      el('button', { id: 'compare-run', onclick: () => start(scenario.value, a.value, b.value) }, 'Run both')),
    el('div', { class: 'compare-presets' }, 'Examples: ', presets),
    err, progress, results);
  try {
    const names = await api('GET', '/api/compare/scenarios');
    scenario.append(...names.map(n => el('option', { value: n, selected: n === 'processes' }, n)));
    const st = await api('GET', '/api/compare/state').catch(() => null);
    if (st) follow(st);
  } catch (e) {
    showError(err, e);
  }
}

export function unmount() {
  if (state && state.timer) clearTimeout(state.timer);
  state = null;
}

async function start(scenario, a, b) {
  const s = state;
  showError(s.err, null);
  s.results.replaceChildren();
  try {
    follow(await api('POST', '/api/compare/start', { scenario, a, b }));
  } catch (e) {
    showError(s.err, e);
  }
}

/** Shows the progress and polls until both runs ended, then draws them. */
async function follow(st) {
  const s = state;
  if (!s) return;
  if (s.timer) clearTimeout(s.timer);
  s.progress.dataset.status = st.status;
  const pct = p => (100 * p).toFixed(0) + '%';
  s.progress.textContent = st.scenario + ': ' + st.status + ' (A ' + pct(st.a.progress) + ', B '
    + pct(st.b.progress) + ')';
  if (st.status === 'running') {
    s.timer = setTimeout(async () => {
      try {
        follow(await api('GET', '/api/compare/state'));
      } catch (e) {
        showError(s.err, e);
      }
    }, 300);
  } else if (st.status === 'failed') {
    showError(s.err, new Error(st.error));
  } else {
    const r = await api('GET', '/api/compare/result');
    if (state !== s) return;
    s.results.replaceChildren();
    const zone = el('select', { id: 'compare-zone' });
    r.a.zones.forEach((z, i) => zone.append(el('option', { value: i, selected: i === r.a.zones.length - 1 },
      z.name)));
    const charts = el('div', { id: 'compare-charts', class: 'row' });
    const draw = () => { charts.replaceChildren(); drawCharts(charts, r, +zone.value); };
    zone.addEventListener('change', draw);
    s.results.append(
      el('h3', {}, 'A: ' + (r.a.settings.join(' ') || '(the scenario as it is)') + '  |  B: '
        + (r.b.settings.join(' ') || '(the scenario as it is)')),
      el('h3', {}, 'Watermarks at the start (pages)'), watermarkTable(r),
      el('label', {}, 'Charts of zone ', zone), charts,
      el('h3', {}, 'Headline figures'), figureTable(r));
    draw();
    s.results.dataset.ready = 'true';
  }
}
