// The run view: start a built-in or edited scenario, play, pause, step and scrub through its kept frames, with
// live charts, the /proc files of the current frame and the pageblock map.
import { api, el, errorBox, showError, table, useStyle } from '/common.js';
import { runChart } from '/run-charts.js';
import { yamlEditor } from '/run-editor.js';

const COUNTER_CHARTS = [
  { id: 'chart-reclaim', title: 'Reclaim: pgscan, pgsteal', log: true, yLabel: 'pages',
    series: ['pgscan_kswapd', 'pgscan_direct', 'pgsteal_kswapd', 'pgsteal_direct'].map(n => ({ label: n })) },
  { id: 'chart-compaction', title: 'Compaction: events, pages (right)', log2: true,
    yLabel: 'events', y2Label: 'pages',
    series: [...['compact_stall', 'compact_success', 'compact_fail', 'compact_daemon_wake'].map(n => ({ label: n })),
      ...['pgmigrate_success', 'compact_migrate_scanned', 'compact_free_scanned', 'compact_isolated']
        .map(n => ({ label: n, axis: 1, dash: [4, 2] }))] },
  { id: 'chart-thp-oom', title: 'THP faults, OOM kills (right)', yLabel: 'faults', y2Label: 'kills',
    series: [{ label: 'thp_fault_alloc' }, { label: 'thp_fault_fallback' },
      { label: 'oom_kill', axis: 1, dash: [4, 2] }] },
];

let view = null;

export async function mount(root) {
  useStyle('run');
  view = new RunView(root);
  await view.start();
}

export function unmount() {
  if (view) view.playing = false;
  view = null;
}

/** The view's state: the run's state, the chart columns of every kept frame, the frame shown. */
class RunView {
  constructor(root) {
    this.root = root;
    this.playing = false;
    this.state = null;
    this.series = null;
    this.current = 0;
    this.builtinText = '';
    this.procToken = 0;
    this.queue = Promise.resolve();
  }

  /** Runs task after every earlier one has ended, so that two answers never interleave. */
  serially(task) {
    const done = this.queue.then(task);
    this.queue = done.catch(() => {});
    return done;
  }

  async start() {
    const r = this.root;
    this.error = errorBox('run-error');
    this.scenario = el('select', { id: 'scenario', onchange: () => this.loadScenario() });
    this.description = el('span', { id: 'scenario-description', class: 'description' });
    const editorBox = el('div', { id: 'yaml-box' });
    const startButton = el('button', { id: 'start', onclick: () => this.startRun() }, 'Start run');
    r.append(el('section', { class: 'panel', id: 'run-setup' },
      el('div', {}, el('label', {}, 'Scenario ', this.scenario), ' ', this.description),
      el('details', { id: 'yaml-details' }, el('summary', {}, 'Edit the YAML (a built-in machine preset only)'),
        editorBox),
      startButton, this.error));
    this.editor = yamlEditor(editorBox);

    this.buttons = {
      play: el('button', { id: 'play', onclick: () => this.play() }, '▶ Play'),
      pause: el('button', { id: 'pause', onclick: () => { this.playing = false; } }, '❚❚ Pause'),
      event: el('button', { id: 'step-event', onclick: () => this.step('event') }, 'Step 1 event'),
      ms: el('button', { id: 'step-1ms', onclick: () => this.step('1ms') }, 'Step 1 ms'),
      s: el('button', { id: 'step-1s', onclick: () => this.step('1s') }, 'Step 1 s'),
      end: el('button', { id: 'run-end', onclick: () => this.step('end') }, 'Run to end'),
    };
    this.speed = el('select', { id: 'speed' },
      el('option', { value: '10ms' }, '10 ms'),
      el('option', { value: '100ms', selected: true }, '100 ms'),
      el('option', { value: '1s' }, '1 s'));
    this.scrub = el('input', { id: 'scrub', type: 'range', min: 0, max: 0, value: 0, step: 1,
      oninput: () => { this.playing = false; this.show(Number(this.scrub.value)); } });
    this.info = el('span', { id: 'frame-info' }, 'no run yet');
    this.keptNote = el('span', { id: 'frames-kept' });
    r.append(el('section', { class: 'panel', id: 'run-controls' },
      el('div', { class: 'controls' }, Object.values(this.buttons),
        el('label', {}, ' play speed: ', this.speed, ' of simulated time a step')),
      el('div', { class: 'scrub' }, el('label', { for: 'scrub' }, 'Frame '), this.scrub, ' ', this.info),
      el('p', { class: 'note', id: 'frames-note' },
        'A frame is kept at every snapshot of the scenario (start, every record interval, labelled moments, end)',
        ' and after every step you take; scrubbing shows kept frames, with no re-run, and the live model is the',
        ' newest frame. At most ', el('span', { id: 'max-frames' }, '2000'), ' frames are kept: past that, every',
        ' second older step or interval frame is dropped. ', this.keptNote)));
    this.setEnabled(false);

    this.zoneChoice = el('select', { id: 'chart-zone', onchange: () => this.drawCharts() });
    this.zoneTable = el('div', { id: 'zone-table' });
    const charts = el('div', { class: 'charts', id: 'run-charts' });
    this.panels = [el('section', { class: 'panel', id: 'run-charts-panel', hidden: true },
      el('div', {}, el('label', {}, 'Zone of the first four charts ', this.zoneChoice)), this.zoneTable, charts)];
    r.append(this.panels[0]);
    this.makeCharts(charts);

    this.procChoice = el('select', { id: 'proc-file', onchange: () => this.showProc() });
    this.procText = el('pre', { id: 'proc-text' });
    const mapBox = el('div', { id: 'pageblock-map' });
    this.panels.push(el('div', { class: 'run-bottom', hidden: true },
      el('section', { class: 'panel proc-panel' },
        el('label', {}, '/proc file of the current frame ', this.procChoice), this.procText),
      el('section', { class: 'panel map-panel' }, el('h3', {}, 'Pageblocks'), mapBox)));
    r.append(this.panels[1]);
    this.map = await mountMap(mapBox);

    const list = await api('GET', '/api/run/scenarios');
    for (const s of list) {
      this.scenario.append(el('option', { value: s.name, title: s.description }, s.name));
    }
    this.descriptions = Object.fromEntries(list.map(s => [s.name, s.description]));
    let state = null;
    try {
      state = await api('GET', '/api/run/state');
    } catch (e) {
      if (e.status !== 409) showError(this.error, e);
    }
    if (state && [...this.scenario.options].some(o => o.value === state.scenario)) {
      this.scenario.value = state.scenario;
    }
    await this.loadScenario();
    if (state) await this.took(state, true);
  }

  makeCharts(box) {
    const xMax = () => (this.state ? this.state.durationNs / 1e9 : 1);
    const orders = [...Array(11).keys()];
    this.zoneCharts = [
      { chart: runChart(box, { id: 'chart-free-orders', title: 'Free blocks per order', log: true,
          yLabel: 'blocks', xMax, series: orders.map(o => ({ label: 'order ' + o })) }),
        columns: z => z.nrFree },
      { chart: runChart(box, { id: 'chart-watermarks', title: 'Free pages, watermarks', log: true,
          yLabel: 'pages', xMax, series: [{ label: 'free' }, { label: 'min', dash: [4, 2] },
            { label: 'low', dash: [4, 2] }, { label: 'high', dash: [4, 2] }] }),
        columns: z => [z.free, z.min, z.low, z.high] },
      { chart: runChart(box, { id: 'chart-extfrag', title: 'extfrag_index per order',
          yLabel: 'index', xMax, series: orders.map(o => ({ label: 'order ' + o })) }),
        columns: z => z.extfrag.map(c => c.map(v => v / 1000)) },
      { chart: runChart(box, { id: 'chart-unusable', title: 'unusable_index per order',
          yLabel: 'index', xMax, series: orders.map(o => ({ label: 'order ' + o })) }),
        columns: z => z.unusable.map(c => c.map(v => v / 1000)) },
    ];
    this.counterCharts = COUNTER_CHARTS.map(spec => ({ spec, chart: runChart(box, { ...spec, xMax }) }));
  }

  setEnabled(on) {
    for (const b of Object.values(this.buttons)) b.disabled = !on;
    this.scrub.disabled = !on;
  }

  async loadScenario() {
    const name = this.scenario.value;
    this.description.textContent = this.descriptions[name] || '';
    const s = await api('GET', '/api/run/scenario/' + encodeURIComponent(name));
    this.builtinText = s.text;
    this.editor.value = s.text;
  }

  startRun() {
    this.playing = false;
    return this.serially(() => this.startNow());
  }

  async startNow() {
    showError(this.error, null);
    this.editor.clear();
    const text = this.editor.value;
    const body = text === this.builtinText ? { scenario: this.scenario.value } : { yaml: text };
    try {
      const state = await api('POST', '/api/run/start', body);
      this.series = null;
      await this.took(state, true);
    } catch (e) {
      showError(this.error, e);
      const m = /^edited\.yaml:(\d+): (.*)$/.exec(e.message || '');
      if (m) {
        this.root.querySelector('#yaml-details').open = true;
        this.editor.mark(Number(m[1]), m[2]);
      }
    }
  }

  /** One step of the run (a button), or of play; false when it failed (the error is shown). */
  step(by, playing) {
    if (!playing) this.playing = false;
    return this.serially(async () => {
      try {
        showError(this.error, null);
        await this.took(await api('POST', '/api/run/step', { by }), true);
        return true;
      } catch (e) {
        this.playing = false;
        showError(this.error, e);
        return false;
      }
    });
  }

  async play() {
    if (this.playing || !this.state) return;
    const controls = this.root.querySelector('#run-controls');
    this.playing = true;
    controls.dataset.playing = 'true';
    while (this.playing && this.state && !this.state.finished && view === this) {
      if (!await this.step(this.speed.value, true)) break;
    }
    this.playing = false;
    controls.dataset.playing = 'false';
  }

  /** Takes a new state of the run: fetches the new frames' chart columns and shows the newest frame. */
  async took(state, newest) {
    const known = this.series ? this.series.count : 0;
    const refetch = !this.series || !this.state || state.thinnings !== this.state.thinnings || known > state.frames;
    if (refetch) {
      this.series = await api('GET', '/api/run/series?upTo=' + (state.frames - 1));
    } else if (known < state.frames) {
      append(this.series, await api('GET', '/api/run/series?from=' + known + '&upTo=' + (state.frames - 1)));
    }
    this.state = state;
    if (refetch) this.zonesChanged();
    this.setEnabled(true);
    for (const p of this.panels) p.hidden = false;
    this.buttons.play.disabled = state.finished;
    this.scrub.max = String(state.frames - 1);
    this.root.querySelector('#max-frames').textContent = String(state.maxFrames);
    this.keptNote.textContent = 'Kept now: ' + state.frames + (state.frames === 1 ? ' frame' : ' frames')
      + ', about '
      + (state.keptBytes / 1048576).toFixed(1) + ' MiB (the newest ' + (state.frameBytes / 1024).toFixed(1)
      + ' KiB).';
    const status = this.root.querySelector('#run-controls');
    status.dataset.frames = String(state.frames);
    status.dataset.finished = String(state.finished);
    await this.show(newest ? state.frames - 1 : Math.min(this.current, state.frames - 1));
  }

  zonesChanged() {
    const keep = this.zoneChoice.value;
    this.zoneChoice.replaceChildren(...this.series.zones.map((z, i) => el('option', { value: i }, z.name)));
    const last = this.series.zones.length - 1;
    this.zoneChoice.value = keep !== '' && Number(keep) <= last ? keep : String(last);
  }

  /** Shows frame i: the slider, the line about it, the zone table, the charts up to it, its /proc file, its map. */
  async show(i) {
    this.current = i;
    this.scrub.value = String(i);
    const s = this.series;
    this.info.textContent = 'frame ' + i + ' of ' + s.count + ' · t = ' + s.timeS[i].toFixed(3) + ' s · '
      + s.events[i].toLocaleString('en-US') + ' events · ' + s.labels[i]
      + (i === s.count - 1 ? ' (the live model)' : '');
    this.info.dataset.frame = String(i);
    this.zoneTable.replaceChildren(table(['zone', 'free pages', 'min', 'low', 'high', 'extfrag order 9',
      'unusable order 9'], s.zones.map(z => [z.name, z.free[i], z.min[i], z.low[i], z.high[i],
      (z.extfrag[9][i] / 1000).toFixed(3), (z.unusable[9][i] / 1000).toFixed(3)]), { id: 'zone-values' }));
    this.drawCharts();
    if (this.map) {
      try {
        this.map.show(i);
      } catch (e) {
        console.warn('pageblock map', e);
      }
    }
    await this.showProc();
  }

  drawCharts() {
    const s = this.series;
    if (!s) return;
    const n = this.current + 1;
    const xs = s.timeS.slice(0, n);
    const at = s.timeS[this.current];
    const z = s.zones[Number(this.zoneChoice.value) || 0];
    for (const c of this.zoneCharts) {
      c.chart.set(xs, c.columns(z).map(col => col.slice(0, n)), at);
    }
    for (const c of this.counterCharts) {
      c.chart.set(xs, c.spec.series.map(x => s.counters[x.label].slice(0, n)), at);
    }
  }

  async showProc() {
    const i = this.current;
    const name = this.procChoice.value || 'buddyinfo';
    const token = ++this.procToken;
    try {
      const p = await api('GET', '/api/run/proc/' + encodeURIComponent(name) + '?frame=' + i);
      if (token !== this.procToken) return;
      if (this.procChoice.options.length !== p.files.length) {
        this.procChoice.replaceChildren(...p.files.map(f => el('option', { value: f }, f)));
      }
      this.procChoice.value = name;
      this.procText.textContent = p.text;
      this.procText.dataset.frame = String(i);
      this.procText.dataset.file = name;
    } catch (e) {
      if (token !== this.procToken) return;
      this.procText.textContent = '(' + e.message + ')';
      this.procText.dataset.frame = String(i);
      this.procText.dataset.file = '';
    }
  }
}

/** Appends the columns of newer frames to the kept ones. */
function append(all, more) {
  all.timeS.push(...more.timeS);
  all.events.push(...more.events);
  all.labels.push(...more.labels);
  more.zones.forEach((z, i) => {
    const a = all.zones[i];
    for (const k of ['free', 'min', 'low', 'high']) a[k].push(...z[k]);
    for (const k of ['nrFree', 'extfrag', 'unusable']) z[k].forEach((col, o) => a[k][o].push(...col));
  });
  for (const [k, col] of Object.entries(more.counters)) all.counters[k].push(...col);
  all.count += more.count;
}

/** The pageblock map of /pageblock-map.js, or null (and nothing shown) while that module is missing. */
async function mountMap(box) {
  try {
    const mod = await import('/pageblock-map.js');
    return await mod.mountPageblockMap(box);
  } catch (e) {
    box.textContent = '';
    return null;
  }
}
