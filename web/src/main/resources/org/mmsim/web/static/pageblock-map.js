// The run view's pageblock map: one canvas, a pixel or a square per pageblock, coloured by migratetype and
// lighter the more of it is free; zones stacked and labelled. Zoom with the wheel or the buttons, pan by dragging.
// When blocks are smaller than a pixel, a pixel shows the migratetype most of its blocks have and their mean free
// share, drawn into one ImageData, so 524288 blocks (1 TiB) draw in one pass. Hover: #pb-tooltip; click: #pb-detail.
import { api, el, errorBox, hex, showError, useStyle } from '/common.js';

const TYPE_RGB = {
  Unmovable: [205, 62, 52], Movable: [46, 150, 72], Reclaimable: [52, 102, 204], HighAtomic: [150, 70, 190],
  CMA: [20, 160, 160], Isolate: [110, 110, 110],
};
const HOLE_RGB = [228, 228, 228];
const OWNER_RGB = {
  anon: '#2e9648', file: '#3466cc', shmem: '#17a0a0', kernel: '#cd3e34', slab_reclaimable: '#e59a1a',
  slab_unreclaimable: '#a0522d', hugetlb: '#9646be', thp_held: '#6b8e23',
};
const STATE_RGB = { free: '#bfe8bf', pcp: '#f5d742', reserved: '#555', hole: '#fff', untracked: '#ccc' };
const LABEL_H = 16;
const GAP = 8;
const MX = 4;

/** Mounts the map in box; returns {show(frameIndex)}, also kept as box.pageblockMap. */
export function mountPageblockMap(box) {
  useStyle('pageblock-map');
  const canvas = el('canvas', { id: 'pb-canvas', width: Math.max(600, Math.min(1300, box.clientWidth || 1000)),
    height: 420 });
  const status = el('span', { id: 'pb-status', class: 'pb-status' });
  const legend = el('span', { class: 'pb-legend' });
  const zoomBy = f => () => { zoomAt(canvas.width / 2, canvas.height / 2, f); };
  const bar = el('div', { class: 'pb-bar' },
    el('button', { id: 'pb-zoom-in', title: 'zoom in', onclick: zoomBy(2) }, '+'),
    el('button', { id: 'pb-zoom-out', title: 'zoom out', onclick: zoomBy(0.5) }, '\u2212'),
    el('button', { id: 'pb-fit', title: 'the whole machine', onclick: () => { fit(); render(); } }, 'fit'),
    status, legend);
  const tip = el('div', { id: 'pb-tooltip', class: 'tooltip pb-tooltip', hidden: true });
  const detail = el('div', { id: 'pb-detail', class: 'panel pb-detail', hidden: true });
  const err = errorBox('pb-error');
  box.append(el('div', { class: 'pb-map' }, bar, err, canvas), tip, detail);
  const ctx = canvas.getContext('2d');

  let data = null;       // the decoded frame
  let scale = 1;         // pixels per block
  let panX = 0;
  let panY = 0;
  let cols = 1;
  let wanted = -1;
  let hoverTimer = null;
  let hoverKey = '';
  const owners = new Map();

  function layout() {
    const out = [];
    let y = -panY;
    for (const z of data.zones) {
      const rows = Math.ceil(z.blocks / cols);
      y += LABEL_H;
      out.push({ z, top: y, rows });
      y += rows * scale + GAP;
    }
    return out;
  }

  function fit() {
    const w = canvas.width - 2 * MX;
    const h = canvas.height - data.zones.length * (LABEL_H + GAP);
    const n = data.zones.reduce((a, z) => a + z.blocks, 0);
    let s = Math.min(24, Math.sqrt(w * h / Math.max(1, n)));
    for (;;) {
      const c = Math.max(1, Math.floor(w / s));
      const height = data.zones.reduce((a, z) => a + Math.ceil(z.blocks / c) * s, 0);
      if (height <= h || s < 0.01) {
        cols = c;
        break;
      }
      s *= 0.95;
    }
    scale = s;
    panX = 0;
    panY = 0;
  }

  function blockColor(z, b, out) {
    const mt = z.mt[b];
    if (mt < 0) {
      out[0] = HOLE_RGB[0]; out[1] = HOLE_RGB[1]; out[2] = HOLE_RGB[2];
      return;
    }
    const rgb = TYPE_RGB[data.migratetypes[mt]] || HOLE_RGB;
    const f = Math.min(1, z.free[b] / Math.max(1, inZone(z, b)));
    const k = 0.08 + 0.72 * f;
    out[0] = rgb[0] + (255 - rgb[0]) * k; out[1] = rgb[1] + (255 - rgb[1]) * k; out[2] = rgb[2] + (255 - rgb[2]) * k;
  }

  function inZone(z, b) {
    const start = z.firstPfn + b * data.pageblockPages;
    return Math.min(start + data.pageblockPages, z.zoneEndPfn) - Math.max(start, z.zoneStartPfn);
  }

  function render() {
    if (!data) return;
    const W = canvas.width;
    const H = canvas.height;
    const img = ctx.createImageData(W, H);
    const d = img.data;
    d.fill(255);
    const types = data.migratetypes.length;
    const votes = new Float64Array(types + 1);
    const rgb = [0, 0, 0];
    const grid = scale >= 6;
    for (const { z, top, rows } of layout()) {
      const y0 = Math.max(0, Math.floor(top));
      const y1 = Math.min(H, Math.ceil(top + rows * scale));
      for (let py = y0; py < y1; py++) {
        const r0 = (py - top) / scale;
        const rowA = Math.max(0, Math.floor(r0));
        const rowB = Math.min(rows, Math.max(rowA + 1, Math.ceil((py + 1 - top) / scale)));
        const rowLine = grid && (py - top) - Math.floor(r0) * scale < 1;
        for (let px = 0; px < W; px++) {
          const c0 = (px - MX + panX) / scale;
          const colA = Math.max(0, Math.floor(c0));
          const colB = Math.min(cols, Math.max(colA + 1, Math.ceil((px + 1 - MX + panX) / scale)));
          if (c0 < 0 || colA >= cols) continue;
          let n = 0;
          let free = 0;
          votes.fill(0);
          for (let r = rowA; r < rowB; r++) {
            const base = r * cols;
            for (let c = colA; c < colB; c++) {
              const b = base + c;
              if (b >= z.blocks) break;
              const mt = z.mt[b];
              votes[mt < 0 ? types : mt]++;
              if (mt >= 0) free += Math.min(1, z.free[b] / Math.max(1, inZone(z, b)));
              n++;
            }
          }
          if (n === 0) continue;
          const i = (py * W + px) * 4;
          if (grid && (rowLine || (px - MX + panX) - Math.floor(c0) * scale < 1)) {
            d[i] = 255; d[i + 1] = 255; d[i + 2] = 255;
            continue;
          }
          let best = 0;
          for (let t = 1; t <= types; t++) if (votes[t] > votes[best]) best = t;
          if (best === types) {
            rgb[0] = HOLE_RGB[0]; rgb[1] = HOLE_RGB[1]; rgb[2] = HOLE_RGB[2];
          } else {
            const base = TYPE_RGB[data.migratetypes[best]] || HOLE_RGB;
            const k = 0.08 + 0.72 * (free / Math.max(1, n - votes[types]));
            rgb[0] = base[0] + (255 - base[0]) * k; rgb[1] = base[1] + (255 - base[1]) * k;
            rgb[2] = base[2] + (255 - base[2]) * k;
          }
          d[i] = rgb[0]; d[i + 1] = rgb[1]; d[i + 2] = rgb[2];
        }
      }
    }
    ctx.putImageData(img, 0, 0);
    ctx.font = '12px system-ui, sans-serif';
    for (const { z, top, rows } of layout()) {
      if (top - LABEL_H > H || top + rows * scale < 0) continue;
      const last = z.firstPfn + z.blocks * data.pageblockPages - 1;
      let label = z.name + ': ' + z.blocks.toLocaleString('en-US') + ' pageblocks, pfn ' + hex(z.firstPfn)
        + '\u2013' + hex(last);
      let y = top - 4;
      if (top < LABEL_H) {
        // the zone's own label has scrolled away: a sticky one names the first block in view
        const firstRow = Math.max(0, Math.floor((LABEL_H - top) / scale));
        const firstCol = Math.max(0, Math.floor((panX - MX) / scale));
        label = z.name + ', from pfn ' + hex(z.firstPfn + (firstRow * cols + firstCol) * data.pageblockPages);
        y = LABEL_H - 4;
      }
      ctx.fillStyle = 'rgba(255,255,255,0.85)';
      ctx.fillRect(MX, y - LABEL_H + 5, ctx.measureText(label).width + 6, LABEL_H - 2);
      ctx.fillStyle = '#223';
      ctx.fillText(label, MX + 3, y);
    }
    const per = scale >= 1 ? scale.toFixed(scale >= 10 ? 0 : 1) + ' px per block'
      : (1 / scale).toFixed(1) + ' blocks per px';
    status.textContent = 'frame ' + data.frame + ' at ' + (data.timeNs / 1e9).toFixed(3) + ' s \u00b7 '
      + data.zones.reduce((a, z) => a + z.blocks, 0).toLocaleString('en-US') + ' pageblocks \u00b7 ' + per;
    canvas.dataset.frame = data.frame;
  }

  /** The block under canvas point (x, y): {z, b, pfn} or null. */
  function hit(x, y) {
    if (!data) return null;
    for (const { z, top, rows } of layout()) {
      if (y < top || y >= top + rows * scale) continue;
      const r = Math.floor((y - top) / scale);
      const c = Math.floor((x - MX + panX) / scale);
      if (c < 0 || c >= cols) return null;
      const b = r * cols + c;
      return b < z.blocks ? { z, b, pfn: z.firstPfn + b * data.pageblockPages } : null;
    }
    return null;
  }

  /** Where block containing pfn is drawn: its centre in canvas pixels, or null. */
  function locate(pfn) {
    for (const { z, top } of layout()) {
      const b = Math.floor((pfn - z.firstPfn) / data.pageblockPages);
      if (b < 0 || b >= z.blocks) continue;
      return { x: MX - panX + (b % cols + 0.5) * scale, y: top + (Math.floor(b / cols) + 0.5) * scale };
    }
    return null;
  }

  let pending = false;

  /** Renders at the next animation frame, once however many wheel or drag events came before it. */
  function renderSoon() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; render(); });
  }

  function zoomAt(x, y, f, soon) {
    if (!data) return;
    const lay = layout();
    const spot = lay.find(l => y >= l.top - LABEL_H && y < l.top + l.rows * scale + GAP) || lay[0];
    const col = (x - MX + panX) / scale;
    const row = (y - spot.top) / scale;
    scale = Math.max(0.02, Math.min(64, scale * f));
    panX = MX + col * scale - x;
    const top = layout().find(l => l.z === spot.z).top + panY;
    panY = top + row * scale - y;
    if (soon) renderSoon(); else render();
  }

  function ownerText(o) {
    const e = Object.entries(o || {});
    return e.length ? e.map(([k, v]) => k + ' ' + v).join(', ') : 'none the run tracks';
  }

  function hideTip() {
    tip.hidden = true;
    hoverKey = '';
  }

  function showTip(h, ev) {
    const z = h.z;
    const start = Math.max(h.pfn, z.zoneStartPfn);
    const end = Math.min(h.pfn + data.pageblockPages, z.zoneEndPfn) - 1;
    const mt = z.mt[h.b];
    const type = mt < 0 ? 'hole' : data.migratetypes[mt];
    const free = z.free[h.b];
    const pcp = z.pcp[h.b];
    const used = mt < 0 ? 0 : inZone(z, h.b) - free - pcp;
    const key = data.frame + ':' + h.pfn;
    Object.assign(tip.dataset, { pfnStart: start, pfnEnd: end, migratetype: type, free, pcp, used, frame: data.frame });
    const lines = ['pfn ' + hex(start) + '\u2013' + hex(end) + ' (' + z.name + ')', 'migratetype ' + type,
      mt < 0 ? 'no memory map (a hole)' : 'free ' + free + ', pcp ' + pcp + ', used ' + used + ' pages'];
    const known = owners.get(key);
    if (mt >= 0) lines.push('owners: ' + (known ? ownerText(known.owners) + (known.source === 'live'
      ? ' (at the live moment, ' + (known.liveNs / 1e9).toFixed(3) + ' s)' : '') : '\u2026'));
    tip.textContent = lines.join('\n');
    tip.dataset.owners = known ? JSON.stringify(known.owners) : '';
    tip.dataset.ownersSource = known ? known.source : '';
    tip.dataset.state = known || mt < 0 ? 'ready' : 'loading';
    tip.style.left = (ev.clientX + 14) + 'px';
    tip.style.top = (ev.clientY + 14) + 'px';
    tip.hidden = false;
    if (!known && mt >= 0 && hoverKey !== key) {
      hoverKey = key;
      clearTimeout(hoverTimer);
      hoverTimer = setTimeout(async () => {
        try {
          const s = await api('GET', '/api/run/pageblock?frame=' + data.frame + '&pfn=' + h.pfn + '&pages=false');
          owners.set(key, s);
          if (hoverKey === key && !tip.hidden) showTip(h, ev);
        } catch (e) {
          tip.textContent += '\n' + e.message;
        }
      }, 80);
    }
  }

  async function openDetail(h) {
    detail.hidden = false;
    detail.replaceChildren(el('p', {}, 'Reading pageblock ' + hex(h.pfn) + '\u2026'));
    delete detail.dataset.pfnStart;
    try {
      const blk = await api('GET', '/api/run/pageblock?frame=' + data.frame + '&pfn=' + Math.max(h.pfn,
        h.z.zoneStartPfn));
      drawDetail(blk);
    } catch (e) {
      detail.replaceChildren(el('div', { class: 'error' }, e.message));
    }
  }

  function drawDetail(blk) {
    const grid = el('canvas', { id: 'pb-pages', width: 32 * 14, height: 16 * 14 });
    const g = grid.getContext('2d');
    let shade = 0;
    let lastHead = -1;
    blk.pages.forEach((p, i) => {
      if (p.head !== lastHead) { shade ^= 1; lastHead = p.head; }
      const color = p.state === 'allocated' ? (OWNER_RGB[p.owner] || '#888') : STATE_RGB[p.state] || '#ccc';
      const x = (i % 32) * 14;
      const y = Math.floor(i / 32) * 14;
      g.fillStyle = color;
      g.fillRect(x, y, 14, 14);
      if (shade) { g.fillStyle = 'rgba(0,0,0,0.07)'; g.fillRect(x, y, 14, 14); }
      if (p.pfn === p.head && p.state !== 'hole') { g.fillStyle = '#000'; g.fillRect(x, y, 2, 14); }
      g.strokeStyle = '#fff';
      g.strokeRect(x + 0.5, y + 0.5, 13, 13);
    });
    const rows = blk.pages.map(p => el('tr', { class: 'pb-page', dataset: { pfn: p.pfn, state: p.state } },
      el('td', {}, hex(p.pfn)), el('td', {}, p.state), el('td', {}, p.state === 'hole' ? '' : p.order),
      el('td', {}, p.state === 'hole' ? '' : hex(p.head)), el('td', {}, p.owner || ''),
      el('td', { class: 'pb-owner-detail' }, p.detail || ''), el('td', {}, p.migratetype)));
    const states = Object.entries(blk.states).filter(([, v]) => v > 0).map(([k, v]) => k + ' ' + v).join(', ');
    const keys = Object.entries(OWNER_RGB).map(([k, c]) => el('span', { class: 'pb-key' },
      el('i', { style: 'background:' + c }), k));
    const stateKeys = Object.entries(STATE_RGB).map(([k, c]) => el('span', { class: 'pb-key' },
      el('i', { style: 'background:' + c }), k));
    detail.dataset.pfnStart = blk.pfnStart;
    detail.dataset.source = blk.source;
    detail.replaceChildren(...[
      el('div', { class: 'pb-detail-head' },
        el('b', {}, 'Pageblock ' + hex(blk.pfnStart) + '\u2013' + hex(blk.pfnEnd)),
        ' ' + blk.zone + ', ' + blk.migratetype + ' \u00b7 frame ' + blk.frame + ' at '
          + (blk.timeNs / 1e9).toFixed(3) + ' s',
        el('button', { id: 'pb-detail-close', onclick: () => { detail.hidden = true; } }, 'close')),
      el('div', {}, 'free ' + blk.free + ', pcp ' + blk.pcp + ', used ' + blk.used + ' pages \u00b7 ' + states),
      el('div', {}, 'owners: ' + ownerText(blk.owners)),
      blk.source === 'live' ? el('div', { class: 'pb-live', id: 'pb-live-note' }, blk.note + ' (live at '
        + (blk.liveNs / 1e9).toFixed(3) + ' s)') : null,
      el('div', { class: 'row' }, el('div', {}, grid, el('div', { class: 'pb-keys' }, stateKeys, keys),
        el('div', { class: 'pb-hint' }, 'a square per page, 32 per row; a black edge marks the head of a block; '
          + 'neighbouring blocks alternate in shade')),
      el('div', { class: 'pb-table' }, el('table', { id: 'pb-pages-table' },
        el('thead', {}, el('tr', {}, ['pfn', 'state', 'order', 'head', 'owner', 'detail', 'migratetype']
          .map(t => el('th', {}, t)))),
        el('tbody', {}, rows))))].filter(Boolean));
  }

  canvas.addEventListener('wheel', ev => {
    ev.preventDefault();
    zoomAt(ev.offsetX, ev.offsetY, ev.deltaY < 0 ? 1.25 : 0.8, true);
  }, { passive: false });
  let drag = null;
  canvas.addEventListener('mousedown', ev => {
    drag = { x: ev.offsetX, y: ev.offsetY, px: panX, py: panY, moved: false };
  });
  window.addEventListener('mouseup', () => { setTimeout(() => { drag = null; }, 0); });
  canvas.addEventListener('mousemove', ev => {
    if (drag && (ev.buttons & 1)) {
      const dx = ev.offsetX - drag.x;
      const dy = ev.offsetY - drag.y;
      if (drag.moved || Math.abs(dx) + Math.abs(dy) > 3) {
        drag.moved = true;
        panX = drag.px - dx;
        panY = drag.py - dy;
        hideTip();
        renderSoon();
        return;
      }
    }
    const h = hit(ev.offsetX, ev.offsetY);
    if (h) showTip(h, ev); else hideTip();
  });
  canvas.addEventListener('mouseleave', hideTip);
  canvas.addEventListener('click', ev => {
    if (drag && drag.moved) return;
    const h = hit(ev.offsetX, ev.offsetY);
    if (h && h.z.mt[h.b] >= 0) openDetail(h);
  });

  legend.append(...Object.entries(TYPE_RGB).map(([k, c]) => el('span', { class: 'pb-key' },
    el('i', { style: 'background:rgb(' + c.join(',') + ')' }), k)),
  el('span', { class: 'pb-key' }, el('i', { style: 'background:rgb(' + HOLE_RGB.join(',') + ')' }), 'hole'),
  el('span', { class: 'pb-hint' }, 'paler = more free'));

  /** Draws frame frameIndex; an error (no run, no such frame) is shown above the map, not thrown. */
  async function show(frameIndex) {
    wanted = frameIndex;
    let raw;
    let zones;
    try {
      raw = await api('GET', '/api/run/pageblocks?frame=' + frameIndex);
      zones = await Promise.all(raw.zones.map(decodeZone));
    } catch (e) {
      if (wanted === frameIndex) showError(err, e);
      return;
    }
    if (wanted !== frameIndex) return;
    showError(err, null);
    const same = data && data.zones.length === zones.length
      && data.zones.every((z, i) => z.blocks === zones[i].blocks && z.firstPfn === zones[i].firstPfn);
    data = { ...raw, zones };
    if (!same) fit();
    hideTip();
    render();
  }

  const handle = { show, locate: pfn => (data ? locate(pfn) : null) };
  box.pageblockMap = handle;
  return handle;
}

/** A zone of the API's answer with its deflated arrays inflated: mt (Int8Array), free and pcp (Uint16Array). */
async function decodeZone(z) {
  const packed = Uint8Array.from(atob(z.data), ch => ch.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate'));
  const buf = await new Response(stream).arrayBuffer();
  const n = z.blocks;
  const view = new DataView(buf);
  const mt = new Int8Array(buf.slice(0, n));
  const free = new Uint16Array(n);
  const pcp = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    free[i] = view.getUint16(n + 2 * i, true);
    pcp[i] = view.getUint16(3 * n + 2 * i, true);
  }
  return { ...z, mt, free, pcp };
}
