// Module administration (模块管理): each module's state, and a switch after its plan (what appears or disappears,
// the records kept). A core page for administrators: only their menu has the entry "modules" that names this script.
// It registers its route with the shell's helpers (window.Renkou) and asks the shell to refresh the menu after a
// switch, so the module's entries come and go at once.
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, t, show, api, get, table, message, say, problem, failure, refreshMenu } = ui;

  async function modules() {
    const out = el('div', { id: 'modules' });
    const plan = el('div', { id: 'plan' });
    async function load() {
      const res = await get('/api/modules');
      if (!res.ok) { out.replaceChildren(failure(res)); return; }
      out.replaceChildren(table([['module', m => ui.lang() === 'en' ? m.nameEn : m.nameZh], ['version', m => m.version],
        ['state', m => t(m.state)], ['reason', m => (ui.lang() === 'en' ? m.reasonEn : m.reasonZh) || ''],
        ['action', m => m.switchable ? el('button', { type: 'button', id: 'switch-' + m.id,
          onclick: () => propose(m.id, !m.enabled) }, t(m.enabled ? 'switchOff' : 'switchOn')) : '']], res.data));
    }
    async function propose(id, enable) {
      const res = await get('/api/admin/modules/' + encodeURIComponent(id) + '/plan?action=' + (enable ? 'enable' : 'disable'));
      if (!res.ok) { plan.replaceChildren(failure(res)); return; }
      const p = res.data;
      const sentences = ui.lang() === 'en' ? p.sentencesEn : p.sentencesZh;
      const msg = message();
      plan.replaceChildren(el('div', { class: 'plan' },
        el('p', {}, p.allowed ? t(enable ? 'planOn' : 'planOff') : t('refused') + ' ' + (ui.lang() === 'en' ? p.reasonEn : p.reasonZh)),
        el('ul', {}, sentences.map(s => el('li', {}, s))),
        p.allowed ? el('button', { type: 'button', class: 'primary', id: 'confirm-switch', onclick: async () => {
          const r = await api('POST', '/api/admin/modules/' + encodeURIComponent(id) + '/' + (enable ? 'enable' : 'disable'));
          if (r.ok) { plan.replaceChildren(el('p', { class: 'ok' }, t('switched'))); load(); setTimeout(refreshMenu, 300); }
          else say(msg, problem(r));
        } }, t('confirm')) : null, ' ', el('button', { type: 'button', onclick: () => plan.replaceChildren() }, t('cancel')), msg));
    }
    show(el('h2', {}, t('modules')), out, plan);
    load();
  }

  ui.register(null, { routes: { modules: modules } });
})();
