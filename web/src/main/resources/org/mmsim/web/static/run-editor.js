// The run view's YAML editor: a textarea with a line-number gutter that marks the line an error names.
import { el } from '/common.js';

/**
 * An editor in box: {value (get/set), mark(line, problem), clear()}. The gutter (#yaml-gutter) numbers the lines;
 * mark() colours the line an error names (class "bad", data-line), selects it and scrolls to it.
 */
export function yamlEditor(box) {
  const gutter = el('pre', { id: 'yaml-gutter', class: 'gutter', 'aria-hidden': 'true' });
  const area = el('textarea', { id: 'yaml', spellcheck: 'false', wrap: 'off', rows: 18, cols: 100 });
  const note = el('div', { id: 'yaml-error-line', class: 'yaml-error-line', hidden: true });
  box.append(el('div', { class: 'yaml-editor' }, gutter, area), note);
  let bad = 0;

  function numbers() {
    const n = area.value.split('\n').length;
    const rows = [];
    for (let i = 1; i <= n; i++) {
      rows.push(el('div', i === bad ? { class: 'bad', dataset: { line: i } } : {}, String(i)));
    }
    gutter.replaceChildren(...rows);
    gutter.scrollTop = area.scrollTop;
  }

  area.addEventListener('input', () => { numbers(); });
  area.addEventListener('scroll', () => { gutter.scrollTop = area.scrollTop; });

  return {
    get value() { return area.value; },
    set value(text) { area.value = text; bad = 0; note.hidden = true; numbers(); },
    mark(line, problem) {
      bad = line;
      numbers();
      note.textContent = 'line ' + line + ': ' + problem;
      note.hidden = false;
      const lines = area.value.split('\n');
      let start = 0;
      for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
      const end = start + (lines[line - 1] || '').length;
      area.focus();
      area.setSelectionRange(start, end);
      const lineHeight = area.scrollHeight / Math.max(lines.length, 1);
      area.scrollTop = Math.max(0, (line - 4) * lineHeight);
      gutter.scrollTop = area.scrollTop;
    },
    clear() { bad = 0; note.hidden = true; numbers(); },
  };
}
