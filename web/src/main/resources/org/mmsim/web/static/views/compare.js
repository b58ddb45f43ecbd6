// The compare view: not built yet.
import { el } from '/common.js';

export function mount(root) {
  root.append(el('p', {}, 'The compare view is not built yet.'));
}
