// The run view's charts over uPlot: one or two y axes (each linear or log), the x axis the run's simulated
// seconds from 0 to its duration, and a dashed line at the current frame's moment.

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf', '#393b79', '#637939'];

/** Tick labels short enough for a narrow axis: 1.5k, 20M, and fractions as they are. */
function ticks(u, values) {
  return values.map(v => {
    if (v === null || v === undefined) return '';
    const a = Math.abs(v);
    if (a >= 1e9) return +(v / 1e9).toPrecision(3) + 'G';
    if (a >= 1e6) return +(v / 1e6).toPrecision(3) + 'M';
    if (a >= 1e4) return +(v / 1e3).toPrecision(3) + 'k';
    return String(+v.toPrecision(4));
  });
}

/** A plugin drawing a dashed vertical line at the x value get() returns (null: none). */
function currentMoment(get) {
  return {
    hooks: {
      draw: u => {
        const at = get();
        if (at === null || at === undefined) return;
        const x = Math.round(u.valToPos(at, 'x', true));
        const c = u.ctx;
        c.save();
        c.strokeStyle = '#c00';
        c.lineWidth = 1.5 * devicePixelRatio;
        c.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
        c.beginPath();
        c.moveTo(x, u.bbox.top);
        c.lineTo(x, u.bbox.top + u.bbox.height);
        c.stroke();
        c.restore();
      },
    },
  };
}

/**
 * A chart in a new <div id=spec.id> appended to box. spec: {id, title, series: [{label, axis (0 left, 1 right),
 * color, dash}], log (left axis log10), log2 (right axis log10), yLabel, y2Label, width, height, xMax()}.
 * Returns {set(xs, columns, currentX)}: the points up to the current frame; a log axis drops values <= 0 (a log
 * scale cannot show them). The div's data-points says how many frames it shows.
 */
export function runChart(box, spec) {
  const holder = document.createElement('div');
  holder.id = spec.id;
  holder.className = 'run-chart';
  holder.dataset.points = '0';
  box.append(holder);
  const two = spec.series.some(s => s.axis === 1);
  const scales = {
    x: { time: false, range: (u, min, max) => [0, Math.max(spec.xMax ? spec.xMax() : max, 1e-3)] },
    y: spec.log ? { distr: 3 } : {},
  };
  const axes = [{ label: 'simulated s' }, { scale: 'y', label: spec.yLabel || '', size: 56, values: ticks }];
  if (two) {
    scales.y2 = spec.log2 ? { distr: 3 } : {};
    axes.push({ scale: 'y2', side: 1, label: spec.y2Label || '', size: 56, values: ticks, grid: { show: false } });
  }
  let current = null;
  const plot = new uPlot({
    title: spec.title,
    width: spec.width || 440,
    height: spec.height || 210,
    scales,
    axes,
    legend: { live: false },
    series: [{ label: 't (s)' }, ...spec.series.map((s, i) => ({
      label: s.label, stroke: s.color || COLORS[i % COLORS.length], width: 1.5, dash: s.dash,
      scale: s.axis === 1 ? 'y2' : 'y',
    }))],
    plugins: [currentMoment(() => current)],
  }, [[], ...spec.series.map(() => [])], holder);
  return {
    set(xs, columns, currentX) {
      current = currentX;
      const data = [xs, ...columns.map((col, i) => {
        const log = spec.series[i].axis === 1 ? spec.log2 : spec.log;
        return log ? col.map(v => (v > 0 ? v : null)) : col;
      })];
      plot.setData(data);
      holder.dataset.points = String(plot.data[0].length);
    },
  };
}
