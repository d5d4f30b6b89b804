// The notes module's page (#/notes): its notes as a list, built with the shell's helpers only (window.Renkou).
(function () {
  'use strict';
  const R = window.Renkou;
  if (!R) return;
  const { el, get, show, failure, t } = R;
  R.register('notes', {
    routes: {
      notes: async () => {
        const res = await get('/api/fixture/notes');
        const title = el('h2', {}, t('notes.title'));
        if (!res.ok) { show(title, failure(res)); return; }
        const items = Array.isArray(res.data) ? res.data : (res.data.items || [res.data]);
        show(title, items.length === 0 ? el('p', { id: 'contrib-items', class: 'muted' }, t('noRows'))
          : el('ul', { id: 'contrib-items' }, items.map(x => el('li', {}, typeof x === 'object' ? JSON.stringify(x) : x))));
      }
    },
    text: { zh: { 'notes.title': '便签' }, en: { 'notes.title': 'Notes' } }
  });
})();
