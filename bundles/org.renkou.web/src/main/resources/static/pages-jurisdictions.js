// The jurisdiction tree (行政区划), opened level by level. A core page: the menu entry "tree" names this script and
// the shell loads it; it registers its route with the shell's helpers (window.Renkou).
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, t, show, get, failure } = ui;

  async function tree() {
    const root = el('ul', { class: 'tree', id: 'tree' });
    async function children(parent, ul) {
      const res = await get('/api/jurisdictions' + (parent ? '?parent=' + encodeURIComponent(parent) : ''));
      if (!res.ok) { ul.replaceChildren(failure(res)); return; }
      ul.replaceChildren(...res.data.map(j => {
        const sub = el('ul');
        const toggle = el('button', { type: 'button' }, j.childCount > 0 ? '▸' : '·');
        toggle.addEventListener('click', () => {
          if (sub.childElementCount) { sub.replaceChildren(); toggle.textContent = '▸'; }
          else if (j.childCount > 0) { children(j.code, sub); toggle.textContent = '▾'; }
        });
        return el('li', {}, toggle, el('span', {}, j.name), el('span', { class: 'code' }, j.code + ' · ' + t(j.level)), sub);
      }));
    }
    show(el('h2', {}, t('tree')), root);
    await children(null, root);
  }

  ui.register(null, { routes: { tree: tree } });
})();
