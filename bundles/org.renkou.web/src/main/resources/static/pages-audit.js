// The audit log (审计日志): who did what, when, with sensitive values never shown. A core page for auditors,
// directors and administrators: only their menu has the entry "audit" that names this script; the server refuses
// everyone else anyway. It registers its route with the shell's helpers (window.Renkou).
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, t, show, table, field, pager, when } = ui;

  async function audit(_id, query) {
    const out = el('div');
    const form = el('form', { class: 'inline' }, field('actor', query.get('actor')),
      el('label', {}, t('action'), el('select', { name: 'action' }, el('option', { value: '' }, ''),
        ['CREATE', 'UPDATE', 'DELETE', 'READ_SENSITIVE', 'DENIED', 'IMPORT', 'MODULE', 'CONFIG'].map(a =>
          el('option', { value: a, selected: query.get('action') === a }, a)))),
      field('entityType', query.get('entityType')), el('button', { type: 'submit', class: 'primary' }, t('search')));
    form.addEventListener('submit', (e) => { e.preventDefault();
      location.hash = '#/audit?' + new URLSearchParams(new FormData(form)); });
    show(el('h2', {}, t('audit')), form, out);
    const params = new URLSearchParams();
    ['actor', 'action', 'entityType'].forEach(k => { if (query.get(k)) params.set(k, query.get(k)); });
    out.replaceChildren(...await pager('/api/audit?' + params, rows => table([
      ['at', a => when(a.at)], ['actor', a => a.actor], ['action', a => a.action], ['entityType', a => a.entityType],
      ['entityId', a => a.entityId], ['jurisdiction', a => ui.place(a.jurisdictionCode)],
      // sensitive values never reach the log; a sensitive read shows its reason only
      ['changes', a => a.action === 'READ_SENSITIVE' ? t('masked') : (a.changes || '')], ['reason', a => a.reason]], rows)));
  }

  ui.register(null, { routes: { audit: audit } });
})();
