// Renkou staff UI: one page, hash routes, plain DOM. Every piece of data reaches the page through text nodes
// (el() / textContent), never innerHTML, so a name such as <script>…</script> shows as text.
(function () {
  'use strict';
  const TEXT = window.RENKOU_TEXT;
  let lang = localStorage.getItem('renkou.lang') || 'zh';
  let me = null;          // GET /api/auth/me: username, name, roles, jurisdictionCodes, csrfToken
  let menuEntries = [];   // GET /api/ui/menu: the entries the caller may open, in menu order
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

  /** t(key) with {name} placeholders filled from vars. */
  const fmt = (key, vars) => Object.entries(vars).reduce((s, [k, v]) => s.replace('{' + k + '}', v), t(key));

  // ---- the ID number as it is typed (GB 11643-1999: 17 digits, birth date, check character) ----------------
  const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const ID_CHECK = '10X98765432';
  /** [ok, text] for what has been typed so far. */
  function idCheck(raw) {
    const v = raw.trim().toUpperCase();
    if (!v) return [false, ''];
    if (!/^[0-9]{0,17}[0-9X]?$/.test(v) || (v.includes('X') && v.indexOf('X') !== 17)) return [false, t('idBadChar')];
    if (v.length >= 14) {
      const y = +v.substring(6, 10), m = +v.substring(10, 12), d = +v.substring(12, 14);
      const date = new Date(Date.UTC(y, m - 1, d));
      if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || v.substring(6, 14) > today().replace(/-/g, '')) {
        return [false, t('idBadDate')];
      }
    }
    if (v.length < 18) return [false, fmt('idShort', { n: 18 - v.length })];
    const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * +v[i], 0);
    const c = ID_CHECK[sum % 11];
    if (v[17] !== c) return [false, fmt('idBadCheck', { c: c })];
    const born = v.substring(6, 10) + '-' + v.substring(10, 12) + '-' + v.substring(12, 14);
    return [true, t('idOk') + '：' + fmt('idBorn', { d: born, s: t(+v[16] % 2 ? 'MALE' : 'FEMALE') })];
  }
  /** A labelled ID number input (name idNumber, the given id) checked as it is typed (the check in id-check). */
  function idField(id) {
    const input = el('input', { name: 'idNumber', id: id, maxlength: 18, autocomplete: 'off' });
    const state = el('span', { class: 'id-check', id: id + '-check' });
    input.addEventListener('input', () => {
      const [ok, text] = idCheck(input.value);
      state.className = 'id-check ' + (ok ? 'ok' : 'error');
      state.textContent = text;
    });
    return el('label', {}, t('idNumber'), input, state);
  }

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

  /** A labelled select of [value, text] pairs. */
  function select(name, options, value, attrs) {
    return el('label', {}, t(name), el('select', Object.assign({ name: name }, attrs || {}),
      options.map(([v, text]) => el('option', { value: v, selected: String(v) === String(value) }, text))));
  }
  const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().substring(0, 10); // China date

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
  // for a page's own buttons (the menu needs none: the server answers only what the caller may open)
  const has = (...roles) => me && me.roles.some(r => roles.includes(r));

  // ---- shell: the menu, exactly as GET /api/ui/menu answers it ----------------------------------------------
  // Every page — the core's and a module's alike — is an entry of that answer: the server has already checked the
  // caller's roles, so the shell shows what it gets. Each entry may name a script (under /ui/), loaded once while
  // the entry is listed; the script registers the entry's routes with Renkou.register.
  const GROUPS = { office: 'work', stats: 'statsGroup', admin: 'admin', modules: 'modulePages' };
  const groupName = (g) => (GROUPS[g] ? t(GROUPS[g]) : g);
  const entryName = (m) => (lang === 'en' ? (m.nameEn || m.nameZh) : (m.nameZh || m.nameEn));

  async function refreshMenu() {
    const nav = document.getElementById('menu');
    if (!me || me.passwordChangeRequired) { nav.replaceChildren(); return; }
    const res = await get('/api/ui/menu');
    menuEntries = res.ok ? res.data : [];
    await loadScripts();
    const items = [];
    let group = null;
    for (const m of menuEntries) {
      if (m.group !== group) { group = m.group; items.push(el('div', { class: 'group' }, groupName(group))); }
      items.push(el('a', { href: '#/' + m.route, class: location.hash.startsWith('#/' + m.route) ? 'active' : null,
        'data-route': m.route, 'data-module': m.module || null }, entryName(m)));
    }
    nav.replaceChildren(...items);
    leaveSwitchedOffModule();
    // a module switched off takes its cards and panels off the page still open, as it takes its menu entry
    document.querySelectorAll('[data-slot]').forEach(b => { if (!slotOn(b.dataset.module || null, b.dataset.slot)) b.remove(); });
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

  // ---- pieces the page scripts share (through window.Renkou) -------------------------------------------------
  function pager(path, render) {
    // a search form result with "total"; 50 rows per page is enough for a desk
    return get(path + (path.includes('?') ? '&' : '?') + 'limit=50').then(res => res.ok
      ? [el('p', { class: 'muted' }, t('total') + ' ' + res.data.total + ' ' + t('rows')), render(res.data.items)]
      : [failure(res)]);
  }

  /** Residents by id → name, asked once per page (the lists carry ids only). */
  async function residentNames(ids) {
    const names = new Map();
    await Promise.all([...new Set(ids)].map(async id => {
      const r = await get('/api/residents/' + id);
      names.set(id, r.ok ? r.data.name : '#' + id);
    }));
    return names;
  }
  const residentLink = (id, names) => el('a', { href: '#/resident/' + id }, names.get(id) || ('#' + id));

  /**
   * Finds residents by name or ID number (within the caller's reach, as the server answers) and lets the user pick
   * one or several; calls onChange with the chosen residents.
   */
  function residentPicker(id, multiple, onChange, initial) {
    const chosen = new Map((initial || []).map(r => [r.id, r]));
    const chips = el('span', { class: 'chips', id: id + '-chosen' });
    const results = el('div', { id: id + '-results' });
    const query = el('input', { id: id + '-query', placeholder: t('nameOrId') });
    function render() {
      chips.replaceChildren(...[...chosen.values()].map(r => el('span', { class: 'chip' }, r.name + ' ' + r.idNumber,
        el('button', { type: 'button', title: t('remove'), onclick: () => { chosen.delete(r.id); render(); } }, '×'))));
      if (!chosen.size) chips.append(el('span', { class: 'muted' }, t('noneChosen')));
      onChange([...chosen.values()]);
    }
    async function search() {
      const q = query.value.trim();
      if (!q) return;
      const byId = /^[0-9]{6,17}[0-9Xx]?$/.test(q);
      const res = await get('/api/residents?limit=10&' + new URLSearchParams(byId ? { idNumber: q } : { name: q }));
      if (!res.ok) { results.replaceChildren(failure(res)); return; }
      results.replaceChildren(res.data.items.length ? el('ul', { class: 'picks' }, res.data.items.map(r =>
        el('li', {}, el('button', { type: 'button', class: 'pick', onclick: () => {
          if (!multiple) chosen.clear();
          chosen.set(r.id, r); results.replaceChildren(); render();
        } }, t('choose')), ' ', r.name + '　' + r.idNumber + '　' + t(r.sex) + '　', place(r.residenceCode))))
        : el('p', { class: 'muted' }, t('noRows')));
    }
    query.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); search(); } });
    render();
    return el('div', { class: 'picker' }, el('div', { class: 'toolbar' }, el('label', {}, t('findResident'), query),
      el('button', { type: 'button', id: id + '-search', onclick: search }, t('search'))), chips, results);
  }

  // ---- pages registered by the entries' scripts ----------------------------------------------------------------
  // A core page (registered with module null) is always on for whoever has its entry. A module's routes answer only
  // while one of the module's entries is listed, so switching the module off removes its pages with its menu entry
  // (a page left open says so instead of failing), and switching it on brings them back.
  const routes = {};    // route name → { module, view(arg, query) }
  const scripts = {};   // script path → Promise, settled when loaded or failed
  const MODULE_TEXT = { zh: { moduleOff: '该模块已停用，页面暂不可用。' }, en: { moduleOff: 'This module is switched off.' } };
  const scriptOf = (m) => (m.script && m.script.startsWith('/ui/') ? m.script : null);
  const moduleOn = (module) => !module || menuEntries.some(m => m.module === module);
  function loadScripts() {
    return Promise.all(menuEntries.map(scriptOf).filter(Boolean).map(src => {
      if (!scripts[src]) {
        scripts[src] = new Promise((resolve) => {
          const s = el('script', { src: src });
          s.addEventListener('load', resolve);
          s.addEventListener('error', () => { delete scripts[src]; s.remove(); resolve(); }); // retried next time
          document.head.append(s);
        });
      }
      return scripts[src];
    }));
  }
  const moduleOffNotice = () => el('p', { class: 'muted', id: 'module-off' }, t('moduleOff'));
  function currentRoute() { return routes[location.hash.replace(/^#\/?/, '').split(/[/?]/)[0]]; }
  function leaveSwitchedOffModule() {
    const r = currentRoute();
    if (r && !moduleOn(r.module) && !document.getElementById('module-off')) show(moduleOffNotice());
  }
  async function view(r, arg, query) {
    if (!moduleOn(r.module)) { show(moduleOffNotice()); return; }
    show(el('p', { class: 'muted' }, t('loading')));
    try {
      await r.view(arg, query);
    } catch (e) { // a page's fault stays on its page
      show(el('p', { class: 'error' }, t('error') + ': ' + (e && e.message)));
    }
  }
  // ---- slots of the core's pages (MenuEntry.slots): a dashboard card, a panel on a resident's page ------------
  // A module's script registers one renderer per slot; the slot shows it only while an entry of that module listed
  // for the caller names the slot (same condition as the menu entry: roles on the server, gone when switched off).
  const slotRenderers = {}; // slot name → [{ module, render }]
  const slotOn = (module, name) => !module || menuEntries.some(m => m.module === module && (m.slots || []).includes(name));
  /** The filled slot as nodes, one box per module; each renders on its own (a slow or failing one holds up nothing). */
  function slot(name, arg) {
    return (slotRenderers[name] || []).filter(s => slotOn(s.module, name)).map(s => {
      const box = el('section', { class: 'slot slot-' + name, 'data-slot': name, 'data-module': s.module || null });
      Promise.resolve().then(() => s.render(arg)).then(
        n => { if (n) box.replaceChildren(...[n].flat()); else box.remove(); }, // nothing for this caller: no box
        e => { box.replaceChildren(el('p', { class: 'error' }, t('error') + ': ' + (e && e.message))); });
      return box;
    });
  }
  for (const l of ['zh', 'en']) Object.keys(MODULE_TEXT[l]).forEach(k => { if (TEXT[l][k] === undefined) TEXT[l][k] = MODULE_TEXT[l][k]; });
  /**
   * The one API every page script gets (version 1): the core's page scripts (pages-*.js) and modules' alike, each
   * loaded because a menu entry names it. Every helper is the shell's own: same look, CSRF, escaping.
   */
  // ---- jurisdiction names (区划名称): one cache for every page ------------------------------------------------
  // Lists carry codes; staff read names. place(code) is a span showing the name (the code on hover), filled from a
  // cache of GET /api/jurisdictions/{code} shared by all pages; a code outside the tree (a registration place in
  // another province) stays a code.
  const placeNames = new Map(); // code → Promise of name or null
  function placeName(c) {
    if (c === null || c === undefined) return Promise.resolve(null);
    if (c === '') return Promise.resolve('全国');
    if (!placeNames.has(c)) {
      placeNames.set(c, get('/api/jurisdictions/' + encodeURIComponent(c)).then(r => (r.ok ? r.data.name : null)));
    }
    return placeNames.get(c);
  }
  function place(c) {
    if (c === null || c === undefined || c === '') return el('span', { class: 'place' }, c === '' ? '全国' : '');
    const s = el('span', { class: 'place', title: c, 'data-code': c }, c);
    placeName(c).then(n => { if (n) s.textContent = n; });
    return s;
  }
  /** Picks a jurisdiction by name, level by level (province → … → community); onChange(code or ''). */
  function placePicker(id, onChange, start) {
    const box = el('span', { class: 'place-picker', id: id });
    let chosen = '';
    async function level(parent, depth) {
      while (box.children.length > depth) box.lastChild.remove();
      const r = await get('/api/jurisdictions' + (parent ? '?parent=' + encodeURIComponent(parent) : ''));
      if (!r.ok || !r.data.length) return;
      r.data.forEach(j => placeNames.set(j.code, Promise.resolve(j.name)));
      const s = el('select', { id: id + '-' + depth, 'data-depth': depth },
        el('option', { value: '' }, '—'), r.data.map(j => el('option', { value: j.code, title: j.code }, j.name)));
      s.addEventListener('change', () => {
        chosen = s.value || (parent || '');
        onChange(chosen);
        if (s.value) level(s.value, depth + 1); else while (box.children.length > depth + 1) box.lastChild.remove();
      });
      box.append(s);
    }
    level(start || null, 0);
    return box;
  }
  /**
   * Where a person lives, for a registration form: the caller's first jurisdiction unless picked below. Returns the
   * form row and the chosen code (ids: prefix + 'residence-name' and prefix + 'residence-pick').
   */
  function residencePicker(prefix, labelKey, hintKey) {
    const mine = ((me && me.jurisdictionCodes) || []);
    const residence = el('input', { type: 'hidden', name: 'residenceCode', value: mine[0] || '' });
    const name = el('span', { id: prefix + 'residence-name' }, place(mine[0] || ''));
    const picker = placePicker(prefix + 'residence-pick', code => {
      residence.value = code || mine[0] || '';
      name.replaceChildren(place(residence.value));
    }, mine[0] || null);
    const row = el('p', {}, el('label', {}, t(labelKey), name, residence), ' ',
      el('span', { class: 'muted' }, t(hintKey)), picker);
    return { row, code: () => residence.value };
  }
  /**
   * The server's problem+json next to the fields it names (inputs with that name in the form); the whole message
   * in msg as well. Clears earlier marks first.
   */
  function fieldProblems(form, msg, res) {
    form.querySelectorAll('.field-error').forEach(e => e.remove());
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
    if (!res) { if (msg) { msg.textContent = ''; msg.className = 'msg'; } return; }
    const errors = (res.data && res.data.errors) || [];
    for (const e of errors) {
      const exact = String(e.field || '');
      const name = exact.replace(/\[\d+\].*$/, '');
      const input = exact && (form.querySelector('[name="' + CSS.escape(exact) + '"]')
        || form.querySelector('[name="' + CSS.escape(name) + '"]'));
      if (!input) continue;
      input.setAttribute('aria-invalid', 'true');
      input.insertAdjacentElement('afterend', el('span', { class: 'field-error error', 'data-field': name }, e.message));
    }
    if (msg) say(msg, problem(res));
  }

  window.Renkou = Object.freeze({
    version: 1,
    /**
     * routes: { name: async (arg, query) => … } opened as #/name/arg?query; text: { zh: {…}, en: {…} }. module: the
     * module's id, or null for the core's pages. A module never replaces a core page; a core page replaces a
     * module's route of the same name (scripts load in any order). slots: { dashboard: async () => node,
     * resident: async (residentId) => node } fill the core pages' slots the module's entry names (MenuEntry.slots);
     * a renderer answering null leaves the slot empty.
     */
    register(module, spec) {
      Object.entries(spec.slots || {}).forEach(([name, render]) => {
        const list = slotRenderers[name] || (slotRenderers[name] = []);
        if (!list.some(s => s.module === (module || null))) list.push({ module: module || null, render: render });
      });
      Object.entries(spec.routes || {}).forEach(([name, v]) => {
        if (!routes[name] || (!module && routes[name].module)) routes[name] = { module: module || null, view: v };
      });
      for (const l of ['zh', 'en']) {
        Object.entries((spec.text || {})[l] || {}).forEach(([k, v]) => { if (TEXT[l][k] === undefined) TEXT[l][k] = v; });
      }
    },
    api, get, el, t, fmt, show, table, field, select, message, say, problem, failure, when, has, code, pager, today,
    idCheck, idField, moduleOn, slot,
    residentNames, residentLink, residentPicker, refreshMenu, place, placeName, placePicker, residencePicker,
    fieldProblems,
    lang: () => lang, me: () => me
  });

  // ---- routing -----------------------------------------------------------------------------------------------
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
    const r = routes[name] || routes.dashboard; // an unknown route opens the dashboard
    if (!r) { show(el('p', { class: 'muted' }, t('notFound'))); return; }
    await view(r, arg, new URLSearchParams(qs || ''));
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
