// The run view: not built yet.
import { el } from '/common.js';

export function mount(root) {
  root.append(el('p', {}, 'The run view is not built yet.'));
}
