// Renkou staff UI: one page, hash routes, plain DOM. Every piece of data reaches the page through text nodes
// (el() / textContent), never innerHTML, so a name such as <script>…</script> shows as text.
(function () {
  'use strict';
  const TEXT = window.RENKOU_TEXT;
  let lang = localStorage.getItem('renkou.lang') || 'zh';
  let me = null;          // GET /api/auth/me: username, name, roles, jurisdictionCodes, csrfToken
  let menuEntries = [];   // GET /api/ui/menu: contributions of modules
  const t = (k) => (TEXT[lang][k] !== undefined ? TEXT[lang][k] : k);
  const page = document.getElementById('page');

  // ---- DOM helpers -------------------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
      else if (k === 'class') e.className = v;
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  const show = (...nodes) => page.replaceChildren(...nodes.flat().filter(n => n !== null && n !== undefined && n !== false));
  const message = () => el('p', { class: 'msg', role: 'status' });
  function say(p, text, ok) { p.className = ok ? 'ok' : 'error'; p.textContent = text; }
  const code = (c) => (c === '' ? '全国' : c);
  /** An ISO time as "2026-11-24 15:13:52" (UTC for the audit log, as stored). */
  // the API's times are UTC (with or without a zone); offices read them in China time. Dates pass unchanged.
  const CHINA_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const when = (iso) => {
    if (!iso) return '';
    const s = String(iso);
    if (s.length <= 10) return s;
    const d = new Date(/([zZ]|[+-]\d\d:?\d\d)$/.test(s) ? s : s + 'Z');
    return isNaN(d) ? s.replace('T', ' ').substring(0, 19) : CHINA_TIME.format(d);
  };

  function table(columns, rows, onRow) {
    if (!rows.length) return el('p', { class: 'muted' }, t('noRows'));
    return el('table', {},
      el('thead', {}, el('tr', {}, columns.map(c => el('th', {}, t(c[0]))), onRow ? el('th', {}) : null)),
      el('tbody', {}, rows.map(r => el('tr', {}, columns.map(c => el('td', {}, c[1](r))),
        onRow ? el('td', {}, el('button', { type: 'button', onclick: () => onRow(r) }, t('open'))) : null))));
  }

  function field(name, value, attrs) {
    return el('label', {}, t(name), el('input', Object.assign({ name: name, value: value == null ? '' : value }, attrs || {})));
  }

  // ---- API ---------------------------------------------------------------------------------------------------
  async function api(method, path, body) {
    const headers = { 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (me && me.csrfToken && method !== 'GET') headers['X-CSRF-Token'] = me.csrfToken;
    let r;
    try {
      r = await fetch(path, { method: method, headers: headers, credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      return { ok: false, status: 0, data: { detail: String(e) } };
    }
    let data = null;
    const type = r.headers.get('Content-Type') || '';
    if (type.includes('json')) data = await r.json();
    if (r.status === 401 && !path.startsWith('/api/auth/login')) { me = null; location.hash = '#/login'; }
    return { ok: r.ok, status: r.status, data: data };
  }
  const get = (path) => api('GET', path);

  /** The problem+json answer in words: detail and the fields at fault. */
  function problem(res) {
    const p = res.data || {};
    if (res.status === 409 && p.errors === undefined && /version|版本/.test(p.detail || '')) return t('conflict');
    const fields = (p.errors || []).map(e => e.message).filter(m => m && m !== p.detail);
    return [p.detail || p.title || (t('error') + ' ' + res.status)].concat(fields).join(' ');
  }
  function failure(res) {
    return el('p', { class: 'error' }, res.status === 404 ? t('notFound') : problem(res));
  }

  // ---- shell: language, menu, who ----------------------------------------------------------------------------
  function applyLanguage() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
    document.getElementById('lang').textContent = t('lang');
  }
  const has = (...roles) => me && me.roles.some(r => roles.includes(r));

  async function refreshMenu() {
    const nav = document.getElementById('menu');
    if (!me || me.passwordChangeRequired) { nav.replaceChildren(); return; }
    const res = await get('/api/ui/menu');
    menuEntries = res.ok ? res.data : [];
    const link = (route, key) => el('a', { href: '#/' + route, class: location.hash.startsWith('#/' + route) ? 'active' : null,
      'data-route': route }, t(key));
    const items = [el('div', { class: 'group' }, t('work')), link('dashboard', 'dashboard'), link('tree', 'tree'),
      link('residents', 'residents'), link('households', 'households'), link('registrations', 'registrations'),
      link('certificates', 'certificates'), link('benefits', 'benefits'), link('statistics', 'statistics')];
    if (has('AUDITOR', 'DIRECTOR', 'ADMIN')) items.push(link('audit', 'audit'));
    if (has('ADMIN')) items.push(el('div', { class: 'group' }, t('admin')), link('staff', 'staff'), link('modules', 'modules'));
    await loadModuleScripts();
    if (menuEntries.length) {
      items.push(el('div', { class: 'group' }, t('modulePages')));
      menuEntries.forEach((m, i) => items.push(el('a', { href: '#/' + (moduleScript(m) && m.route ? m.route : 'contrib/' + i),
        'data-module': m.module || '' }, lang === 'en' ? (m.nameEn || m.nameZh) : (m.nameZh || m.nameEn))));
    }
    nav.replaceChildren(...items);
    leaveSwitchedOffModule();
  }

  async function health() {
    const r = await fetch('/api/health').then(x => x.json()).catch(() => null);
    document.getElementById('status').textContent = r ? t(r.status) : '';
  }

  function showWho() {
    document.getElementById('who').textContent = me ? me.name + ' (' + me.username + ')' : '';
    document.getElementById('logout').hidden = !me;
    document.getElementById('change-password').hidden = !me; // voluntary change, besides the forced one
  }

  // ---- pages -------------------------------------------------------------------------------------------------
  function loginPage() {
    const msg = message();
    const form = el('form', { class: 'box', id: 'login-form' }, el('h2', {}, t('login')),
      el('p', {}, field('username', '', { autocomplete: 'username', id: 'username' })),
      el('p', {}, field('password', '', { type: 'password', autocomplete: 'current-password', id: 'password' })),
      el('button', { type: 'submit', class: 'primary', id: 'login-button' }, t('login')), msg);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = new FormData(form);
      const res = await api('POST', '/api/auth/login', { username: f.get('username'), password: f.get('password') });
      if (!res.ok) { say(msg, problem(res)); return; }
      me = res.data;
      showWho();
      location.hash = me.passwordChangeRequired ? '#/password' : '#/dashboard';
    });
    show(form);
  }

  function passwordPage() {
    const msg = message();
    const form = el('form', { class: 'box', id: 'password-form' }, el('h2', {}, t('changePassword')),
      me.passwordChangeRequired ? el('p', { class: 'plan' }, t('mustChange')) : null,
      el('p', {}, field('oldPassword', '', { type: 'password', id: 'oldPassword', autocomplete: 'current-password' })),
      el('p', {}, field('newPassword', '', { type: 'password', id: 'newPassword', autocomplete: 'new-password' })),
      el('p', {}, field('newPasswordAgain', '', { type: 'password', id: 'newPasswordAgain', autocomplete: 'new-password' })),
      el('button', { type: 'submit', class: 'primary', id: 'password-button' }, t('save')), msg);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = new FormData(form);
      if (f.get('newPassword') !== f.get('newPasswordAgain')) { say(msg, t('mismatch')); return; }
      const res = await api('POST', '/api/auth/password', { oldPassword: f.get('oldPassword'), newPassword: f.get('newPassword') });
      if (!res.ok) { say(msg, problem(res)); return; }
      me.passwordChangeRequired = false;
      say(msg, t('passwordChanged'), true);
      location.hash = '#/dashboard';
    });
    show(form);
  }

  async function dashboard() {
    // one request: counts from the statistics snapshot, pending decisions live (GET /api/statistics/dashboard)
    const res = await get('/api/statistics/dashboard');
    if (!res.ok) { show(el('h2', {}, t('dashboard')), failure(res)); return; }
    const d = res.data;
    const card = (key, n, id) => el('div', { class: 'card', id: id }, el('div', {}, t(key)), el('div', { class: 'n' }, n));
    const canvas = el('canvas', { id: 'chart', width: 600, height: 260 });
    const ages = el('canvas', { id: 'chart-ages', width: 600, height: 260 });
    show(el('h2', {}, t('dashboard')), el('p', { class: 'muted', id: 'as-of' }, window.RenkouStats.asOf(d.snapshot)),
      el('div', { class: 'cards' }, card('residentCount', d.residents, 'count-residents'),
        card('householdCount', d.households, 'count-households'),
        card('pendingHere', d.pendingForMe + ' (' + t('pendingReady') + ' ' + d.pendingReadyForMe + ')', 'count-pending'),
        card('certificateCount', d.validCertificates, 'count-certificates'),
        card('migrantsPresent', d.migrantsPresent, 'count-migrants')),
      el('h2', {}, t('applicationsByStatus')), canvas, el('h2', {}, t('ageSex')), ages);
    window.RenkouStats.bar(canvas, d.applicationsByStatus.map(x => t(x.key)), [{ data: d.applicationsByStatus.map(x => x.total) }]);
    window.RenkouStats.ageChart(ages, d.byAgeBand);
  }

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

  function pager(path, render) {
    // a search form result with "total"; 50 rows per page is enough for a desk
    return get(path + (path.includes('?') ? '&' : '?') + 'limit=50').then(res => res.ok
      ? [el('p', { class: 'muted' }, t('total') + ' ' + res.data.total + ' ' + t('rows')), render(res.data.items)]
      : [failure(res)]);
  }

  async function residents(query) {
    const out = el('div', { id: 'results' });
    const form = el('form', { class: 'inline', id: 'resident-search' },
      field('name', query.get('name'), { id: 'search-name' }), field('idNumber', query.get('idNumber'), { id: 'search-id' }),
      el('button', { type: 'submit', class: 'primary' }, t('search')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const f = new FormData(form);
      location.hash = '#/residents?' + new URLSearchParams({ name: f.get('name'), idNumber: f.get('idNumber') });
    });
    show(el('h2', {}, t('residents')), form, out);
    const params = new URLSearchParams();
    if (query.get('name')) params.set('name', query.get('name'));
    if (query.get('idNumber')) params.set('idNumber', query.get('idNumber'));
    out.replaceChildren(...await pager('/api/residents?' + params, rows => table([
      ['name', r => r.name], ['idNumber', r => r.idNumber], ['sex', r => t(r.sex)], ['birthDate', r => r.birthDate],
      ['residenceCode', r => r.residenceCode], ['status', r => t(r.status)]], rows, r => { location.hash = '#/resident/' + r.id; })));
  }

  async function resident(id) {
    const res = await get('/api/residents/' + id);
    if (!res.ok) { show(failure(res)); return; }
    const r = res.data;
    const msg = message();
    const editable = ['name', 'phone', 'address'];
    const form = el('form', { class: 'box', id: 'resident-form' }, el('h2', {}, r.name),
      el('p', {}, t('idNumber') + '：' + r.idNumber), el('p', {}, t('residenceCode') + '：' + r.residenceCode +
        '　' + t('registrationCode') + '：' + (r.registrationCode || '')),
      editable.map(k => el('p', {}, field(k, r[k], { id: 'resident-' + k }))),
      el('button', { type: 'submit', class: 'primary', id: 'resident-save' }, t('save')), ' ',
      el('button', { type: 'button', onclick: () => resident(id) }, t('reload')), msg);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = new FormData(form);
      const body = Object.assign({}, r);
      delete body.healthNote;
      editable.forEach(k => { body[k] = f.get(k) === '' ? null : f.get(k); });
      const put = await api('PUT', '/api/residents/' + id, body);
      if (put.ok) { Object.assign(r, put.data); say(msg, t('saved'), true); }
      else say(msg, put.status === 409 && !(put.data && put.data.errors && put.data.errors.some(x => x.field !== 'version'))
        ? t('conflict') : problem(put));
    });
    const sensitive = el('div', { class: 'box' }, el('h2', {}, t('healthNote')));
    const note = el('p', { id: 'health-note' }, t('masked'));
    const reason = el('input', { id: 'reveal-reason', placeholder: t('revealReason') });
    const smsg = message();
    sensitive.append(note, el('label', {}, t('revealReason'), reason), ' ',
      el('button', { type: 'button', id: 'reveal', onclick: async () => {
        const s = await api('POST', '/api/residents/' + id + '/sensitive', { reason: reason.value });
        if (s.ok) note.textContent = s.data.healthNote || t('empty'); else say(smsg, problem(s));
      } }, t('reveal')), smsg);
    // the resident's own work: a certificate, a benefit application (pages-office.js)
    show(form, el('p', { class: 'toolbar', id: 'resident-actions' },
      el('a', { href: '#/certificate-new?holder=' + id, id: 'resident-issue' }, t('issueCertificate')),
      el('a', { href: '#/benefit-new?applicant=' + id, id: 'resident-apply' }, t('newApplication'))), sensitive);
  }

  async function households(query) {
    const out = el('div');
    const form = el('form', { class: 'inline' }, field('number', query.get('number')),
      el('button', { type: 'submit', class: 'primary' }, t('search')));
    form.addEventListener('submit', (e) => { e.preventDefault();
      location.hash = '#/households?' + new URLSearchParams({ number: new FormData(form).get('number') }); });
    show(el('h2', {}, t('households')), form, out);
    const q = query.get('number') ? '?number=' + encodeURIComponent(query.get('number')) : '';
    out.replaceChildren(...await pager('/api/households' + q, rows => table([
      ['number', h => h.number], ['residenceCode', h => h.residenceCode], ['address', h => h.address],
      ['members', h => h.members.map(m => m.name + '（' + m.relation + '）').join('、')]], rows)));
  }

  async function registrations() {
    const marriages = el('div'), births = el('div');
    show(el('h2', {}, t('marriages')), marriages, el('h2', {}, t('births')), births);
    marriages.replaceChildren(...await pager('/api/marriages', rows => table([
      ['spouseA', m => m.partyAId], ['spouseB', m => m.partyBId], ['marriageDate', m => m.marriageDate],
      ['status', m => m.status]], rows)));
    births.replaceChildren(...await pager('/api/births', rows => table([
      ['child', b => b.childName || b.childId], ['birthDate', b => b.childBirthDate], ['mother', b => b.motherId],
      ['father', b => b.fatherId], ['birthOrder', b => b.birthOrder]], rows)));
  }

  async function audit(query) {
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
      ['entityId', a => a.entityId], ['jurisdiction', a => a.jurisdictionCode],
      // sensitive values never reach the log; a sensitive read shows its reason only
      ['changes', a => a.action === 'READ_SENSITIVE' ? t('masked') : (a.changes || '')], ['reason', a => a.reason]], rows)));
  }

  async function modules() {
    const out = el('div', { id: 'modules' });
    const plan = el('div', { id: 'plan' });
    async function load() {
      const res = await get('/api/modules');
      if (!res.ok) { out.replaceChildren(failure(res)); return; }
      out.replaceChildren(table([['module', m => lang === 'en' ? m.nameEn : m.nameZh], ['version', m => m.version],
        ['state', m => t(m.state)], ['reason', m => (lang === 'en' ? m.reasonEn : m.reasonZh) || ''],
        ['action', m => m.switchable ? el('button', { type: 'button', id: 'switch-' + m.id,
          onclick: () => propose(m.id, !m.enabled) }, t(m.enabled ? 'switchOff' : 'switchOn')) : '']], res.data));
    }
    async function propose(id, enable) {
      const res = await get('/api/admin/modules/' + encodeURIComponent(id) + '/plan?action=' + (enable ? 'enable' : 'disable'));
      if (!res.ok) { plan.replaceChildren(failure(res)); return; }
      const p = res.data;
      const sentences = lang === 'en' ? p.sentencesEn : p.sentencesZh;
      const msg = message();
      plan.replaceChildren(el('div', { class: 'plan' },
        el('p', {}, p.allowed ? t(enable ? 'planOn' : 'planOff') : t('refused') + ' ' + (lang === 'en' ? p.reasonEn : p.reasonZh)),
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

  async function contributed(index) {
    const m = menuEntries[index];
    if (!m) { show(el('p', { class: 'muted' }, t('notFound'))); return; }
    const title = el('h2', {}, lang === 'en' ? (m.nameEn || m.nameZh) : (m.nameZh || m.nameEn));
    if (!m.path || !m.path.startsWith('/api/')) { show(title); return; }
    const res = await get(m.path);
    const items = res.ok ? (Array.isArray(res.data) ? res.data : (res.data.items || [res.data])) : null;
    show(title, !res.ok ? failure(res) : items.length === 0 ? el('p', { id: 'contrib-items', class: 'muted' }, t('noRows'))
      : el('ul', { id: 'contrib-items' }, items.map(x => el('li', {}, typeof x === 'object' ? JSON.stringify(x) : x))));
  }

  // ---- pages contributed by modules --------------------------------------------------------------------------
  // A menu entry with renkou.contribution.script names a script of the module (under /ui/modules/), loaded once
  // while the entry is listed. The script calls Renkou.register(module, { routes, text }); its routes answer only
  // while the module's entry is listed, so switching the module off removes its pages with its menu entry
  // (a page left open says so instead of failing), and switching it on brings them back.
  const moduleRoutes = {};    // route name → { module, view(arg, query) }
  const moduleScripts = {};   // script path → Promise, settled when loaded or failed
  const MODULE_TEXT = { zh: { moduleOff: '该模块已停用，页面暂不可用。' }, en: { moduleOff: 'This module is switched off.' } };
  const moduleScript = (m) => (m.script && m.script.startsWith('/ui/modules/') ? m.script : null);
  const moduleOn = (module) => menuEntries.some(m => m.module === module && moduleScript(m));
  function loadModuleScripts() {
    return Promise.all(menuEntries.map(moduleScript).filter(Boolean).map(src => {
      if (!moduleScripts[src]) {
        moduleScripts[src] = new Promise((resolve) => {
          const s = el('script', { src: src });
          s.addEventListener('load', resolve);
          s.addEventListener('error', () => { delete moduleScripts[src]; s.remove(); resolve(); }); // retried next time
          document.head.append(s);
        });
      }
      return moduleScripts[src];
    }));
  }
  const moduleOffNotice = () => el('p', { class: 'muted', id: 'module-off' }, t('moduleOff'));
  function currentModuleRoute() { return moduleRoutes[location.hash.replace(/^#\/?/, '').split(/[/?]/)[0]]; }
  function leaveSwitchedOffModule() {
    const r = currentModuleRoute();
    if (r && !moduleOn(r.module) && !document.getElementById('module-off')) show(moduleOffNotice());
  }
  async function moduleView(name, arg, query) {
    const r = moduleRoutes[name];
    if (!moduleOn(r.module)) { show(moduleOffNotice()); return; }
    show(el('p', { class: 'muted' }, t('loading')));
    try {
      await r.view(arg, query);
    } catch (e) { // a module's fault stays on its page
      show(el('p', { class: 'error' }, t('error') + ': ' + (e && e.message)));
    }
  }
  for (const l of ['zh', 'en']) Object.keys(MODULE_TEXT[l]).forEach(k => { if (TEXT[l][k] === undefined) TEXT[l][k] = MODULE_TEXT[l][k]; });
  /**
   * The one API every page file gets (version 1): the core's own page files (pages-*.js, through
   * window.RENKOU_PAGES, loaded before this file) and modules' page scripts (window.Renkou, loaded while the module
   * is on). Every helper is the shell's own: same look, CSRF, escaping.
   */
  window.Renkou = Object.freeze({
    version: 1,
    /** routes: { name: async (arg, query) => … } opened as #/name/arg?query; text: { zh: {…}, en: {…} }. */
    register(module, spec) {
      Object.entries(spec.routes || {}).forEach(([name, view]) => {
        if (!routes[name]) moduleRoutes[name] = { module: module, view: view }; // never replaces a core page
      });
      for (const l of ['zh', 'en']) {
        Object.entries((spec.text || {})[l] || {}).forEach(([k, v]) => { if (TEXT[l][k] === undefined) TEXT[l][k] = v; });
      }
    },
    api, get, el, t, show, table, field, message, say, problem, failure, when, has, code, pager,
    lang: () => lang, me: () => me
  });

  // ---- routing -----------------------------------------------------------------------------------------------
  const routes = { dashboard: dashboard, tree: tree, residents: residents, resident: resident,
    households: households, registrations: registrations, audit: audit, modules: modules, contrib: contributed };
  // the core's page files add their routes (always on, unlike modules' pages)
  (window.RENKOU_PAGES || []).forEach(pages => Object.assign(routes, pages(window.Renkou)));

  async function route() {
    const hash = location.hash.replace(/^#\/?/, '');
    const [path, qs] = hash.split('?');
    const [name, arg] = path.split('/');
    if (name === 'login' || !me) {
      if (!me) {
        const res = await get('/api/auth/me');
        if (res.ok) me = res.data;
      }
      if (!me) { showWho(); refreshMenu(); loginPage(); return; }
      if (name === 'login') { location.hash = '#/dashboard'; return; }
    }
    showWho();
    if (me.passwordChangeRequired || name === 'password') { refreshMenu(); passwordPage(); return; }
    await refreshMenu();
    if (moduleRoutes[name]) { await moduleView(name, arg, new URLSearchParams(qs || '')); return; }
    const view = routes[name] || dashboard;
    show(el('p', { class: 'muted' }, t('loading')));
    await view(arg !== undefined ? arg : new URLSearchParams(qs || ''));
  }

  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('renkou.lang', lang);
    applyLanguage(); health(); route();
  });
  document.getElementById('logout').addEventListener('click', async () => {
    await api('POST', '/api/auth/logout');
    me = null;
    location.hash = '#/login';
  });
  window.addEventListener('hashchange', route);
  // a module switched on or off elsewhere shows in the menu within 10 s, without a reload
  setInterval(() => { if (me && !me.passwordChangeRequired) refreshMenu(); }, 10000);
  applyLanguage();
  health();
  route();
})();
