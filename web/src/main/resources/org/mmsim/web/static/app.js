// The page's router: each tab is a view module with mount(root); the URL's hash names the tab.
const views = {
  machine: () => import('/views/machine.js'),
  run: () => import('/views/run.js'),
  buddy: () => import('/views/buddy.js'),
  process: () => import('/views/process.js'),
  compare: () => import('/views/compare.js'),
};

let current = null;

async function show() {
  const name = (location.hash || '#machine').slice(1);
  const load = views[name] || views.machine;
  for (const a of document.querySelectorAll('#tabs a')) {
    a.classList.toggle('active', a.id === 'tab-' + name);
  }
  if (current && current.unmount) {
    current.unmount();
  }
  const root = document.getElementById('view');
  root.replaceChildren();
  root.dataset.view = name;
  current = await load();
  await current.mount(root);
  root.dataset.ready = name;
}

window.addEventListener('hashchange', show);
show();
