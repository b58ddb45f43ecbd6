// Shared helpers of the views: the API call, DOM building, tables, charts (uPlot) and number formats.

/** Calls the explorer's API; resolves to the JSON answer, or throws an Error carrying the server's one line. */
export async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const r = await fetch(path, init);
  const text = await r.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!r.ok) {
    const err = new Error(json && json.error ? json.error : r.status + ' ' + r.statusText);
    err.status = r.status;
    throw err;
  }
  return json;
}

/** Builds an element: el('div', {class: 'x', onclick: f}, 'text', child, ...). */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** A table: headers and rows of cells (strings, numbers or nodes). */
export function table(headers, rows, attrs) {
  return el('table', attrs || {},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map(c => el('td', {}, c))))));
}

/** Shows an error line in the box (class "error"), or clears it with null. */
export function showError(box, e) {
  box.textContent = e ? (e.message || String(e)) : '';
  box.hidden = !e;
}

/** An error box for a view: <div class="error" hidden>. */
export function errorBox(id) {
  return el('div', { class: 'error', id, role: 'alert', hidden: true });
}

/**
 * A line chart with uPlot: xs (seconds) and series [{label, values}]. log: a log10 y axis (zero values are
 * dropped, as a log scale cannot show them). Returns the uPlot instance; setData replaces the data.
 */
export function lineChart(box, title, xs, series, opts) {
  const o = opts || {};
  const colors = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
    '#bcbd22', '#17becf', '#393b79', '#637939'];
  const data = [xs, ...series.map(s => o.log ? s.values.map(v => v > 0 ? v : null) : s.values)];
  const plot = new uPlot({
    title, width: o.width || 560, height: o.height || 220,
    scales: { x: { time: false }, y: o.log ? { distr: 3 } : {} },
    axes: [{ label: o.xLabel || 'simulated s' }, { label: o.yLabel || '', size: 70 }],
    series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: s.color || colors[i % colors.length],
      width: 1.5, dash: s.dash }))],
  }, data, box);
  return plot;
}

export function hex(n) {
  return '0x' + BigInt(n).toString(16);
}

/** Pages as pages and MiB at 4 KiB pages unless pageKb says otherwise. */
export function pagesText(pages, pageKb) {
  const kb = pages * (pageKb || 4);
  return pages.toLocaleString('en-US') + ' pages (' + (kb / 1024).toFixed(1) + ' MiB)';
}

/** Adds a view's own stylesheet (static/css/NAME.css) to the page once. */
export function useStyle(name) {
  const href = '/css/' + name + '.css';
  if (!document.querySelector('link[href="' + href + '"]')) {
    document.head.append(el('link', { rel: 'stylesheet', href }));
  }
}
