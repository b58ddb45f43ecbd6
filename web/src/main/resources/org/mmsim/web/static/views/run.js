// The run view: not built yet (another slice builds it); it mounts the pageblock map for now.
import { el } from '/common.js';

export async function mount(root) {
  const box = el('div', { id: 'pageblock-map' });
  root.append(el('p', {}, 'The run view is not built yet.'), box);
  (await import('/pageblock-map.js')).mountPageblockMap(box);
}
