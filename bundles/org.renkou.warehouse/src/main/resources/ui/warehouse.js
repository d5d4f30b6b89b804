// Pages of the contraceptive warehouse module (避孕药具管理), served by the module itself and loaded by the shell
// while the module is on. Built only with the shell's helpers (window.Renkou): data reaches the page as text nodes
// (el), every write carries the CSRF header (api), words come from t() in Chinese or English.
(function () {
  'use strict';
  const R = window.Renkou;
  if (!R) return;
  const { el, t, api, get, show, table, field, message, say, problem, failure } = R;
  const API = '/api/warehouse';
  // conditional parts are written as `cond ? node : null`; DOM append would show a null as the text "null"
  const clean = (nodes) => nodes.flat().filter(n => n !== null && n !== undefined && n !== false);
  const view = (...nodes) => show(...clean(nodes));
  const add = (parent, ...nodes) => parent.append(...clean(nodes));
  const en = () => R.lang() === 'en';
  const canMove = () => R.has('WAREHOUSE_KEEPER', 'DIRECTOR');
  const quarterNow = () => { const d = new Date(); return d.getFullYear() + 'Q' + (Math.floor(d.getMonth() / 3) + 1); };
  const link = (hash, text, id) => el('a', { href: '#/' + hash, id: id }, text);
  const button = (text, onclick, attrs) => el('button', Object.assign({ type: 'button', onclick: onclick }, attrs || {}), text);
  const select = (name, options, attrs) => el('select', Object.assign({ name: name }, attrs || {}),
    options.map(([value, text]) => el('option', { value: value }, text)));
  const labelled = (key, control) => el('label', {}, t(key), control);
  const value = (form, name) => { const v = new FormData(form).get(name); return v === null || v === '' ? null : String(v).trim(); };
  const number = (form, name) => { const v = value(form, name); return v === null ? null : Number(v); };
  /** Posts a form's body; on success calls done(answer), else shows the problem in words. */
  async function submit(msg, method, path, body, done) {
    const res = await api(method, path, body);
    if (res.ok) await done(res.data); else say(msg, problem(res));
    return res;
  }

  // 三查六对 and the quality check: the keys the API expects, in the procedures' order
  const CHECKLIST = ['receivingUnit', 'invoiceSeal', 'invoiceDate', 'itemNumber', 'name', 'specification', 'dose',
    'unit', 'quantity', 'packaging'];
  const QUALITY = ['noDiscoloration', 'noDamp', 'noClumping', 'noMelting', 'noMould', 'noOdour', 'noSediment',
    'noContamination', 'labelled'];

  function status(line) {
    if (line.blocked) return el('span', { class: 'wh-badge wh-blocked' }, t('wh.blocked'));
    if (line.expired) return el('span', { class: 'wh-badge wh-expired' }, t('wh.expired'));
    if (line.nearExpiry) return el('span', { class: 'wh-badge wh-near' }, t('wh.nearExpiry'));
    return el('span', { class: 'wh-badge wh-ok' }, t('wh.usable'));
  }

  async function stores() { const r = await get(API + '/stores'); return r.ok ? r.data : []; }
  async function products() { const r = await get(API + '/products'); return r.ok ? r.data : []; }
  const productOptions = (list) => list.map(p => [p.id, p.name + ' ' + p.specification]);
  const adjacent = (a, b) => { const [u, l] = a.length < b.length ? [a, b] : [b, a]; return l.length - u.length === 3 && l.startsWith(u); };

  // ---- overview: warnings, reconciliation, stores, catalogue ---------------------------------------------------
  async function overview(attempt) {
    const [rem, rec, storeList, productList] = await Promise.all([get(API + '/reminders'), get(API + '/reconcile'),
      get(API + '/stores'), get(API + '/products')]);
    // just switched on, the menu entry can be listed a moment before the module's API answers (404) or its
    // database is migrated (503): wait a little instead of showing an error
    if ((storeList.status === 404 || storeList.status === 503) && (attempt || 0) < 10) {
      await new Promise(resolve => setTimeout(resolve, 500));
      return overview((attempt || 0) + 1);
    }
    if (!storeList.ok) { view(el('h2', {}, t('wh.title')), failure(storeList)); return; }
    const reminders = rem.ok ? rem.data : [];
    const warnings = reminders.filter(r => r.kind !== 'DUE');
    const text = (r) => (en() ? r.textEn : r.text);
    const reconcile = rec.ok ? el('p', { id: 'wh-reconcile', class: rec.data.ok ? 'ok' : 'error' },
      (rec.data.ok ? t('wh.reconciled') : t('wh.notReconciled')) + ' (' + rec.data.balancesChecked + ' ' + t('wh.balancesChecked') + ')')
      : failure(rec);
    const msg = message();
    const productForm = el('form', { class: 'inline', id: 'wh-product-form' },
      ['name', 'type', 'specification', 'unit', 'approvalNumber', 'manufacturer'].map(k =>
        labelled('wh.' + k, el('input', { name: k, id: 'wh-product-' + k }))),
      el('button', { type: 'submit', class: 'primary' }, t('wh.addProduct')), msg);
    productForm.addEventListener('submit', (e) => {
      e.preventDefault();
      const body = {};
      ['name', 'type', 'specification', 'unit', 'approvalNumber', 'manufacturer'].forEach(k => { body[k] = value(productForm, k); });
      submit(msg, 'POST', API + '/products', body, () => overview());
    });
    const smsg = message();
    const storeForm = el('form', { class: 'inline', id: 'wh-store-form' }, labelled('wh.storeName', el('input', { name: 'name' })),
      labelled('wh.jurisdictionCode', el('input', { name: 'jurisdictionCode' })),
      el('button', { type: 'submit', class: 'primary' }, t('wh.addStore')), smsg);
    storeForm.addEventListener('submit', (e) => {
      e.preventDefault();
      submit(smsg, 'POST', API + '/stores', { name: value(storeForm, 'name'), jurisdictionCode: value(storeForm, 'jurisdictionCode') },
        () => overview());
    });
    view(el('h2', {}, t('wh.title')),
      el('div', { class: 'toolbar' }, link('wh-reports', t('wh.reports'), 'wh-link-reports'), ' · ',
        link('wh-card', t('wh.card'), 'wh-link-card')),
      reconcile,
      el('h2', {}, t('wh.warnings')),
      el('div', { id: 'wh-warnings' }, warnings.length ? table([
        ['wh.kind', r => el('span', { class: 'wh-badge ' + (r.kind === 'LOW_STOCK' ? 'wh-near' : 'wh-expired') }, t('wh.' + r.kind))],
        ['wh.store', r => r.store], ['wh.monthsOfStock', r => (r.monthsOfStock == null ? '' : r.monthsOfStock)],
        ['wh.expiresOn', r => (r.kind === 'NEAR_EXPIRY' ? r.dueOn : '')],
        ['wh.suggestion', r => (r.suggestedStore ? t('wh.moveTo') + ' ' + r.suggestedStore : '')], ['wh.detail', text]], warnings)
        : el('p', { class: 'muted' }, t('wh.noWarnings'))),
      el('h2', {}, t('wh.dueDates')),
      el('ul', { id: 'wh-due' }, reminders.filter(r => r.kind === 'DUE').map(r =>
        el('li', {}, text(r) + ' — ' + r.dueOn + (en() ? ' (' : '（') + t('wh.daysLeft') + ' ' + r.daysLeft + (en() ? ')' : '）')))),
      el('h2', {}, t('wh.stores')),
      el('div', { id: 'wh-stores' }, table([['wh.storeName', s => s.name], ['wh.level', s => t('wh.' + s.level)],
        ['wh.jurisdictionCode', s => s.jurisdictionCode]], storeList.data, s => { location.hash = '#/wh-store/' + s.id; })),
      R.has('DIRECTOR', 'ADMIN') ? storeForm : null,
      el('h2', {}, t('wh.products')),
      productList.ok ? table([['wh.name', p => p.name], ['wh.type', p => p.type], ['wh.specification', p => p.specification],
        ['wh.unit', p => p.unit], ['wh.approvalNumber', p => p.approvalNumber], ['wh.manufacturer', p => p.manufacturer]],
      productList.data) : failure(productList),
      canMove() ? productForm : null);
  }

  // ---- one store: tabs --------------------------------------------------------------------------------------------
  const TABS = [['wh-store', 'wh.stock'], ['wh-receive', 'wh.receive'], ['wh-issue', 'wh.issue'], ['wh-transfer', 'wh.transfer'],
    ['wh-stocktake', 'wh.stockTake'], ['wh-scraps', 'wh.scraps'], ['wh-plan', 'wh.plan']];
  async function storePage(id, current, render) {
    const list = await get(API + '/stores');
    if (!list.ok) { view(failure(list)); return; }
    const store = list.data.find(s => String(s.id) === String(id));
    if (!store) { view(el('p', { class: 'error' }, t('notFound'))); return; }
    const body = el('div', { id: 'wh-body' });
    view(el('p', {}, link('warehouse', '‹ ' + t('wh.title'))),
      el('h2', { id: 'wh-store-name' }, store.name + ' · ' + t('wh.' + store.level) + ' · ' + store.jurisdictionCode),
      el('nav', { class: 'wh-tabs' }, TABS.map(([r, k]) => el('a', { href: '#/' + r + '/' + store.id, id: 'tab-' + r,
        class: r === current ? 'active' : null }, t(k)))), body);
    await render(store, body, list.data);
  }
  async function stockOf(storeId) { const r = await get(API + '/stores/' + storeId + '/stock'); return r.ok ? r.data : []; }
  const lotOptions = (lines, usable) => lines.filter(l => !usable || (!l.blocked && !l.expired))
    .map(l => [l.lotId, l.batchNumber + ' · ' + l.productName + ' · ' + t('wh.expiresOn') + ' ' + l.expiresOn + ' · ' + l.quantity]);

  function stockPage(id) {
    return storePage(id, 'wh-store', async (store, body) => {
      const [stock, ledger] = await Promise.all([get(API + '/stores/' + store.id + '/stock'),
        get(API + '/stores/' + store.id + '/ledger?limit=50')]);
      add(body, el('h2', {}, t('wh.stockOnHand')),
        el('div', { id: 'wh-stock' }, stock.ok ? table([['wh.batch', l => l.batchNumber], ['wh.product', l => l.productName],
          ['wh.expiresOn', l => l.expiresOn], ['wh.quantity', l => l.quantity], ['wh.status', status],
          ['wh.trace', l => (canMove() ? link('wh-trace/' + l.lotId, t('wh.trace')) : '')]], stock.data) : failure(stock)),
        el('h2', {}, t('wh.ledger')),
        el('div', { id: 'wh-ledger' }, ledger.ok ? table([['at', e => R.when(e.at)], ['wh.kind', e => t('wh.' + e.kind)],
          ['wh.lot', e => e.lotId], ['wh.quantity', e => (e.quantity > 0 ? '+' : '') + e.quantity],
          ['wh.to', e => (e.residentId ? t('wh.resident') + ' ' + e.residentId : e.recipient || (e.otherStoreId ? t('wh.storeNo') + ' ' + e.otherStoreId : ''))],
          ['reason', e => e.reason], ['actor', e => e.actor]], ledger.data.items) : failure(ledger)));
    });
  }

  // ---- receiving: 三查六对 and the quality check -----------------------------------------------------------------
  function receivePage(id) {
    return storePage(id, 'wh-receive', async (store, body) => {
      const list = await products();
      const msg = message();
      const checks = (group, keys) => el('fieldset', { class: 'wh-checks', id: 'wh-' + group },
        el('legend', {}, t('wh.' + group)), keys.map(k => el('label', { class: 'wh-check' },
          el('input', { type: 'checkbox', name: group + '.' + k, id: 'wh-' + group + '-' + k }), t('wh.c.' + k))),
        button(t('wh.allPassed'), (e) => e.target.parentNode.querySelectorAll('input').forEach(i => { i.checked = true; }),
          { id: 'wh-' + group + '-all' }));
      let confirmed = false;
      const form = el('form', { class: 'box wh-wide', id: 'wh-receive-form' },
        el('p', {}, labelled('wh.product', select('productId', productOptions(list), { id: 'wh-receive-product' }))),
        el('div', { class: 'inline' }, field('wh.batch', '', { name: 'batchNumber', id: 'wh-receive-batch' }),
          field('wh.producedOn', '', { name: 'producedOn', type: 'date', id: 'wh-receive-produced' }),
          field('wh.expiresOn', '', { name: 'expiresOn', type: 'date', id: 'wh-receive-expires' }),
          field('wh.quantity', '', { name: 'quantity', type: 'number', min: 1, id: 'wh-receive-quantity' }),
          field('wh.supplier', '', { name: 'supplier', id: 'wh-receive-supplier' }),
          field('wh.invoiceNumber', '', { name: 'invoiceNumber', id: 'wh-receive-invoice' })),
        checks('checklist', CHECKLIST), checks('quality', QUALITY),
        el('p', { class: 'muted' }, t('wh.blockHint')),
        el('button', { type: 'submit', class: 'primary', id: 'wh-receive-submit' }, t('wh.receive')), msg);
      form.addEventListener('change', () => { confirmed = false; });
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const box = (group, k) => form.querySelector('[name="' + group + '.' + k + '"]').checked;
        const failed = CHECKLIST.filter(k => !box('checklist', k)).length + QUALITY.filter(k => !box('quality', k)).length;
        if (failed && !confirmed) { confirmed = true; say(msg, t('wh.confirmBlock')); return; }
        const body = { productId: number(form, 'productId'), batchNumber: value(form, 'batchNumber'),
          producedOn: value(form, 'producedOn'), expiresOn: value(form, 'expiresOn'), quantity: number(form, 'quantity'),
          supplier: value(form, 'supplier'), invoiceNumber: value(form, 'invoiceNumber'),
          checklist: Object.fromEntries(CHECKLIST.map(k => [k, box('checklist', k)])),
          quality: Object.fromEntries(QUALITY.map(k => [k, box('quality', k)])) };
        submit(msg, 'POST', API + '/stores/' + store.id + '/receipts', body, (lot) => {
          say(msg, lot.blocked ? t('wh.receivedBlocked') + ' ' + lot.batchNumber + '：' + lot.blockReason
            : t('wh.received') + ' ' + lot.batchNumber + ' × ' + lot.receivedQuantity, !lot.blocked);
          confirmed = false;
        });
      });
      add(body, form);
    });
  }

  // ---- issue: first expiry first out, to a person (一人一卡) or a service point ------------------------------------
  function issuePage(id) {
    return storePage(id, 'wh-issue', async (store, body) => {
      const [list, stock] = await Promise.all([products(), stockOf(store.id)]);
      const msg = message();
      const plan = el('div', { class: 'plan', id: 'wh-fefo' });
      const chosen = el('span', { id: 'wh-chosen-resident', class: 'muted' }, t('wh.noneChosen'));
      let residentId = null;
      const found = el('div', { id: 'wh-resident-results' });
      const findResident = async () => {
        const name = form.querySelector('#wh-resident-name').value.trim();
        const res = await get('/api/residents?limit=10&name=' + encodeURIComponent(name));
        found.replaceChildren(res.ok ? table([['name', r => r.name], ['idNumber', r => r.idNumber],
          ['residenceCode', r => r.residenceCode], ['', r => button(t('wh.choose'), () => {
            residentId = r.id; chosen.textContent = r.name + '（' + r.idNumber + '）'; chosen.className = ''; found.replaceChildren();
          }, { class: 'wh-choose' })]], res.data.items) : failure(res));
      };
      const person = el('fieldset', { id: 'wh-to-person' }, el('legend', {}, t('wh.toPerson')),
        el('div', { class: 'inline' }, labelled('name', el('input', { id: 'wh-resident-name' })),
          button(t('search'), findResident, { id: 'wh-resident-search' }), chosen), found,
        el('div', { class: 'inline' }, labelled('wh.months', select('months', [[1, '1'], [2, '2'], [3, '3']], { id: 'wh-months' })),
          field('wh.method', '', { name: 'method', id: 'wh-method', list: 'wh-methods' }),
          el('datalist', { id: 'wh-methods' }, ['口服避孕药', '避孕套', '外用避孕药', '皮下埋植剂', '避孕针'].map(m => el('option', { value: m }))),
          el('label', { class: 'wh-check' }, el('input', { type: 'checkbox', name: 'informedChoice', id: 'wh-informed' }), t('wh.informedChoice'))));
      const point = el('fieldset', { id: 'wh-to-point', hidden: true }, el('legend', {}, t('wh.toPoint')),
        field('wh.recipient', '', { name: 'recipient', id: 'wh-recipient' }));
      const usable = stock.filter(l => !l.blocked && !l.expired);
      const override = el('fieldset', { id: 'wh-override' }, el('legend', {}, t('wh.override')),
        el('label', { class: 'wh-check' }, el('input', { type: 'checkbox', name: 'override', id: 'wh-override-on' }), t('wh.overrideOn')),
        el('div', { class: 'inline' }, labelled('wh.lot', select('lotId', lotOptions(stock, false), { id: 'wh-override-lot' })),
          field('wh.overrideReason', '', { name: 'overrideReason', id: 'wh-override-reason' })));
      const form = el('form', { class: 'box wh-wide', id: 'wh-issue-form' },
        el('div', { class: 'inline' }, labelled('wh.product', select('productId', productOptions(list), { id: 'wh-issue-product' })),
          field('wh.quantity', '1', { name: 'quantity', type: 'number', min: 1, id: 'wh-issue-quantity' }),
          labelled('wh.to', select('to', [['person', t('wh.toPerson')], ['point', t('wh.toPoint')]], { id: 'wh-issue-to' }))),
        plan, person, point, override,
        el('button', { type: 'submit', class: 'primary', id: 'wh-issue-submit' }, t('wh.issue')), msg);
      const suggest = async () => {
        const q = new URLSearchParams({ productId: value(form, 'productId') || '', quantity: value(form, 'quantity') || '' });
        const res = await get(API + '/stores/' + store.id + '/issue-plan?' + q);
        plan.replaceChildren(el('strong', {}, t('wh.fefoSuggestion')), res.ok ? el('ul', {}, res.data.map(p =>
          el('li', {}, t('wh.batch') + ' ' + p.batchNumber + ' · ' + t('wh.expiresOn') + ' ' + p.expiresOn + ' · ' + t('wh.take') + ' ' + p.take)))
          : el('p', { class: 'error' }, problem(res)));
      };
      form.addEventListener('change', (e) => {
        const toPerson = value(form, 'to') === 'person';
        person.hidden = !toPerson; point.hidden = toPerson;
        if (e.target.name === 'productId' || e.target.name === 'quantity') suggest();
      });
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const toPerson = value(form, 'to') === 'person';
        const body = { productId: number(form, 'productId'), quantity: number(form, 'quantity') };
        if (toPerson) Object.assign(body, { residentId: residentId, months: number(form, 'months'), method: value(form, 'method'),
          informedChoice: form.querySelector('#wh-informed').checked });
        else body.recipient = value(form, 'recipient');
        if (form.querySelector('#wh-override-on').checked) { body.lotId = number(form, 'lotId'); body.overrideReason = value(form, 'overrideReason'); }
        submit(msg, 'POST', API + '/stores/' + store.id + '/issues', body, (entries) => {
          say(msg, t('wh.issued') + ' ' + entries.map(x => t('wh.lot') + ' ' + x.lotId + ' × ' + (-x.quantity)).join('，'), true);
          suggest();
        });
      });
      add(body, usable.length ? null : el('p', { class: 'error' }, t('wh.nothingToIssue')), form);
      suggest();
    });
  }

  // ---- transfer between levels (调拨) ------------------------------------------------------------------------------
  function transferPage(id) {
    return storePage(id, 'wh-transfer', async (store, body, all) => {
      const stock = await stockOf(store.id);
      const msg = message();
      const targets = all.filter(s => adjacent(s.jurisdictionCode, store.jurisdictionCode));
      const form = el('form', { class: 'box wh-wide', id: 'wh-transfer-form' },
        el('p', {}, labelled('wh.toStore', select('toStoreId', targets.map(s => [s.id, s.name + ' · ' + t('wh.' + s.level)]), { id: 'wh-transfer-to' }))),
        el('p', {}, labelled('wh.lot', select('lotId', lotOptions(stock, true), { id: 'wh-transfer-lot' }))),
        el('div', { class: 'inline' }, field('wh.quantity', '', { name: 'quantity', type: 'number', min: 1, id: 'wh-transfer-quantity' }),
          field('reason', '', { name: 'reason', id: 'wh-transfer-reason' })),
        el('button', { type: 'submit', class: 'primary', id: 'wh-transfer-submit' }, t('wh.transfer')), msg);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submit(msg, 'POST', API + '/transfers', { fromStoreId: store.id, toStoreId: number(form, 'toStoreId'),
          lotId: number(form, 'lotId'), quantity: number(form, 'quantity'), reason: value(form, 'reason') },
        () => say(msg, t('wh.transferred'), true));
      });
      add(body, el('p', { class: 'muted' }, t('wh.transferHint')), form);
    });
  }

  // ---- stock-take (盘点) and scrapping (报废): submitted here, approved by someone else -----------------------------
  const decision = (path, item, reload, id) => {
    const note = el('input', { placeholder: t('wh.decisionNote'), id: 'wh-note-' + id });
    const dmsg = message();
    const decide = (approve) => () => submit(dmsg, 'POST', path, { approve: approve, note: note.value, version: item.version }, reload);
    return el('span', { class: 'inline' }, note, button(t('approve'), decide(true), { class: 'primary', id: 'wh-approve-' + id }),
      button(t('reject'), decide(false), { id: 'wh-reject-' + id }), dmsg);
  };

  function stockTakePage(id) {
    return storePage(id, 'wh-stocktake', async (store, body) => {
      const [stock, takes] = await Promise.all([stockOf(store.id), get(API + '/stores/' + store.id + '/stock-takes')]);
      const msg = message();
      const rows = stock.map((l, i) => el('tr', {}, el('td', {}, l.batchNumber), el('td', {}, l.productName), el('td', {}, l.quantity),
        el('td', {}, el('input', { type: 'number', min: 0, name: 'counted' + i, value: l.quantity, id: 'wh-count-' + l.lotId })),
        el('td', {}, el('input', { name: 'explanation' + i, id: 'wh-explain-' + l.lotId }))));
      const form = el('form', { class: 'wh-wide', id: 'wh-stocktake-form' },
        el('div', { class: 'inline' }, field('wh.quarter', quarterNow(), { name: 'quarter', id: 'wh-stocktake-quarter' })),
        el('table', {}, el('thead', {}, el('tr', {}, ['wh.batch', 'wh.product', 'wh.ledgerQuantity', 'wh.counted', 'wh.explanation']
          .map(k => el('th', {}, t(k))))), el('tbody', {}, rows)),
        el('button', { type: 'submit', class: 'primary', id: 'wh-stocktake-submit' }, t('wh.submitCount')), msg);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submit(msg, 'POST', API + '/stores/' + store.id + '/stock-takes', { quarter: value(form, 'quarter'),
          lines: stock.map((l, i) => ({ lotId: l.lotId, counted: number(form, 'counted' + i), explanation: value(form, 'explanation' + i) })) },
        () => stockTakePage(id));
      });
      const me = R.me();
      add(body, el('p', { class: 'muted' }, t('wh.stockTakeHint')), form, el('h2', {}, t('wh.stockTakes')),
        el('div', { id: 'wh-stocktakes' }, takes.ok ? table([['wh.quarter', s => s.quarter], ['status', s => t('wh.' + s.status)],
          ['wh.differences', s => s.lines.filter(l => l.difference !== 0).map(l => t('wh.lot') + ' ' + l.lotId + ' ' + (l.difference > 0 ? '+' : '')
            + l.difference + '（' + (l.explanation || '') + '）').join('；')],
          ['wh.submittedBy', s => s.submittedBy], ['wh.decidedBy', s => s.decidedBy || ''],
          ['action', s => (s.status === 'SUBMITTED' && R.has('DIRECTOR') && s.submittedBy !== me.username
            ? decision(API + '/stock-takes/' + s.id + '/decision', s, () => stockTakePage(id), 'take-' + s.id) : s.decisionNote || '')]],
        takes.data) : failure(takes)));
    });
  }

  function scrapsPage(id) {
    return storePage(id, 'wh-scraps', async (store, body) => {
      const [stock, scraps] = await Promise.all([stockOf(store.id), get(API + '/stores/' + store.id + '/scraps')]);
      const msg = message();
      const form = el('form', { class: 'box wh-wide', id: 'wh-scrap-form' },
        el('p', {}, labelled('wh.lot', select('lotId', lotOptions(stock, false), { id: 'wh-scrap-lot' }))),
        el('div', { class: 'inline' }, field('wh.quantity', '', { name: 'quantity', type: 'number', min: 1, id: 'wh-scrap-quantity' }),
          field('wh.scrapReason', '', { name: 'reason', id: 'wh-scrap-reason' })),
        el('button', { type: 'submit', class: 'primary', id: 'wh-scrap-submit' }, t('wh.submitScrap')), msg);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submit(msg, 'POST', API + '/stores/' + store.id + '/scraps', { lotId: number(form, 'lotId'), quantity: number(form, 'quantity'),
          reason: value(form, 'reason') }, () => scrapsPage(id));
      });
      add(body, el('p', { class: 'muted' }, t('wh.scrapHint')), canMove() ? form : null, el('h2', {}, t('wh.scraps')),
        el('div', { id: 'wh-scrap-list' }, scraps.ok ? table([['wh.lot', s => s.lotId], ['wh.quantity', s => s.quantity],
          ['wh.scrapReason', s => s.reason], ['status', s => t('wh.' + s.status)], ['wh.submittedBy', s => s.submittedBy],
          ['action', s => (s.status === 'SUBMITTED' && R.has('DIRECTOR')
            ? decision(API + '/scraps/' + s.id + '/decision', s, () => scrapsPage(id), 'scrap-' + s.id)
            : [s.decidedBy || '', ' ', s.decisionNote || ''])]], scraps.data) : failure(scraps)));
    });
  }

  // ---- demand plan (需求计划) ---------------------------------------------------------------------------------------
  function planPage(id, query) {
    return storePage(id, 'wh-plan', async (store, body) => {
      const expected = (query && query.get('expectedNewUsers')) || '0';
      const res = await get(API + '/stores/' + store.id + '/demand-plan?expectedNewUsers=' + encodeURIComponent(expected));
      const form = el('form', { class: 'inline' }, field('wh.expectedNewUsers', expected, { name: 'expectedNewUsers', type: 'number', min: 0 }),
        el('button', { type: 'submit', class: 'primary' }, t('search')));
      form.addEventListener('submit', (e) => { e.preventDefault();
        location.hash = '#/wh-plan/' + store.id + '?expectedNewUsers=' + encodeURIComponent(value(form, 'expectedNewUsers') || '0'); });
      add(body, el('p', { class: 'muted' }, t('wh.planHint')), form, res.ok ? table([['wh.product', r => r.product],
        ['wh.users', r => r.users], ['wh.expectedNewUsers', r => r.expectedNewUsers], ['wh.perUserMonth', r => r.unitsPerUserMonth],
        ['wh.turnoverMonths', r => r.turnoverMonths], ['wh.onHand', r => r.onHand], ['wh.demand', r => r.demand]], res.data) : failure(res));
    });
  }

  // ---- the person's card (一人一卡): read with a reason (audited), follow-ups, adverse reactions -------------------------
  async function cardPage(residentId, query) {
    if (!residentId) {
      const out = el('div', { id: 'wh-card-results' });
      const form = el('form', { class: 'inline', id: 'wh-card-search' }, field('name', '', { id: 'wh-card-name' }),
        el('button', { type: 'submit', class: 'primary' }, t('search')));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const res = await get('/api/residents?limit=20&name=' + encodeURIComponent(value(form, 'name') || ''));
        out.replaceChildren(res.ok ? table([['name', r => r.name], ['idNumber', r => r.idNumber], ['residenceCode', r => r.residenceCode]],
          res.data.items, r => { location.hash = '#/wh-card/' + r.id; }) : failure(res));
      });
      view(el('p', {}, link('warehouse', '‹ ' + t('wh.title'))), el('h2', {}, t('wh.card')), el('p', { class: 'muted' }, t('wh.cardHint')), form, out);
      return;
    }
    const resident = await get('/api/residents/' + residentId);
    if (!resident.ok) { view(failure(resident)); return; }
    const entries = el('div', { id: 'wh-card-entries' });
    const reason = el('input', { id: 'wh-card-reason', value: (query && query.get('reason')) || '' });
    const rmsg = message();
    const read = async () => {
      const res = await get(API + '/cards/' + residentId + '?reason=' + encodeURIComponent(reason.value));
      if (!res.ok) { say(rmsg, problem(res)); return; }
      rmsg.textContent = '';
      entries.replaceChildren(table([['wh.onDate', c => c.onDate], ['wh.kind', c => t('wh.' + c.kind)],
        ['wh.lot', c => c.lotId || ''], ['wh.quantity', c => c.quantity || ''], ['wh.months', c => c.months || ''],
        ['wh.method', c => c.method || ''], ['wh.channel', c => (c.channel ? t('wh.' + c.channel) : '')],
        ['wh.outcome', c => (c.outcome ? t('wh.' + c.outcome) : '')], ['wh.note', c => c.note || ''], ['actor', c => c.actor]], res.data));
    };
    const storeList = await stores();
    const storeSelect = (id) => select('storeId', storeList.map(s => [s.id, s.name]), { id: id });
    const fmsg = message();
    const follow = el('form', { class: 'box', id: 'wh-followup-form' }, el('h2', {}, t('wh.followUp')),
      el('p', {}, labelled('wh.store', storeSelect('wh-followup-store'))),
      el('p', {}, labelled('wh.channel', select('channel', [['FACE_TO_FACE', t('wh.FACE_TO_FACE')], ['PHONE', t('wh.PHONE')]], { id: 'wh-followup-channel' }))),
      el('p', {}, labelled('wh.outcome', select('outcome', ['CONTINUING', 'METHOD_CHANGE', 'FAILURE', 'STOPPED'].map(o => [o, t('wh.' + o)]), { id: 'wh-followup-outcome' }))),
      el('p', {}, field('wh.method', '', { name: 'method', id: 'wh-followup-method' })),
      el('p', {}, field('wh.note', '', { name: 'note', id: 'wh-followup-note' })),
      el('button', { type: 'submit', class: 'primary', id: 'wh-followup-submit' }, t('save')), fmsg);
    follow.addEventListener('submit', (e) => {
      e.preventDefault();
      submit(fmsg, 'POST', API + '/cards/' + residentId + '/follow-ups', { storeId: number(follow, 'storeId'),
        channel: value(follow, 'channel'), outcome: value(follow, 'outcome'), method: value(follow, 'method'), note: value(follow, 'note') },
      () => { say(fmsg, t('saved'), true); if (reason.value) read(); });
    });
    const amsg = message();
    const reaction = el('form', { class: 'box', id: 'wh-reaction-form' }, el('h2', {}, t('wh.adverseReaction')),
      el('p', {}, labelled('wh.store', storeSelect('wh-reaction-store'))),
      el('p', {}, field('wh.lot', '', { name: 'lotId', type: 'number', id: 'wh-reaction-lot' })),
      el('p', {}, field('wh.description', '', { name: 'description', id: 'wh-reaction-description' })),
      el('button', { type: 'submit', class: 'primary', id: 'wh-reaction-submit' }, t('save')), amsg);
    reaction.addEventListener('submit', (e) => {
      e.preventDefault();
      submit(amsg, 'POST', API + '/cards/' + residentId + '/adverse-reactions', { storeId: number(reaction, 'storeId'),
        lotId: number(reaction, 'lotId'), description: value(reaction, 'description') },
      () => { say(amsg, t('saved'), true); if (reason.value) read(); });
    });
    view(el('p', {}, link('wh-card', '‹ ' + t('wh.card'))),
      el('h2', {}, t('wh.card') + ' · ' + resident.data.name),
      el('div', { class: 'toolbar' }, el('label', {}, t('wh.readReason'), reason), button(t('wh.readCard'), read, { class: 'primary', id: 'wh-card-read' })),
      rmsg, entries, el('div', { class: 'wh-forms' }, follow, reaction));
    if (reason.value) read();
  }

  // ---- traceability: from a lot to everyone who received it (audited) ---------------------------------------------
  function tracePage(lotId) {
    const reason = el('input', { id: 'wh-trace-reason' });
    const out = el('div', { id: 'wh-trace' });
    const msg = message();
    const run = async () => {
      const res = await get(API + '/lots/' + lotId + '/trace?reason=' + encodeURIComponent(reason.value));
      if (!res.ok) { say(msg, problem(res)); return; }
      const tr = res.data;
      out.replaceChildren(el('p', {}, t('wh.batch') + ' ' + tr.lot.batchNumber + ' · ' + t('wh.expiresOn') + ' ' + tr.lot.expiresOn),
        el('h2', {}, t('wh.stores')), table([['wh.store', s => s.storeId], ['wh.quantity', s => s.quantity], ['wh.status', status]], tr.stores),
        el('h2', {}, t('wh.recipients')), table([['wh.resident', c => link('wh-card/' + c.residentId, String(c.residentId))],
          ['wh.onDate', c => c.onDate], ['wh.quantity', c => c.quantity], ['wh.method', c => c.method]], tr.recipients),
        el('h2', {}, t('wh.adverseReaction')), table([['wh.resident', c => c.residentId], ['wh.onDate', c => c.onDate],
          ['wh.description', c => c.note]], tr.reactions));
    };
    view(el('p', {}, link('warehouse', '‹ ' + t('wh.title'))), el('h2', {}, t('wh.trace') + ' · ' + t('wh.lot') + ' ' + lotId),
      el('div', { class: 'toolbar' }, el('label', {}, t('wh.readReason'), reason), button(t('wh.trace'), run, { class: 'primary', id: 'wh-trace-run' })), msg, out);
  }

  // ---- quarterly reports: live or signed off (签字确认), export ------------------------------------------------------
  const STOCK_COLUMNS = [['wh.jurisdictionCode', 'jurisdictionCode'], ['wh.store', 'store'], ['wh.product', 'product'],
    ['wh.opening', 'opening'], ['wh.RECEIVE', 'received'], ['wh.TRANSFER_IN', 'transferredIn'], ['wh.TRANSFER_OUT', 'transferredOut'],
    ['wh.ISSUE', 'issued'], ['wh.SCRAP', 'scrapped'], ['wh.ADJUST', 'adjusted'], ['wh.closing', 'closing'], ['wh.lossPerMille', 'lossPerMille']];
  const USERS_COLUMNS = [['wh.jurisdictionCode', 'jurisdictionCode'], ['wh.store', 'store'], ['wh.method', 'method'],
    ['wh.users', 'users'], ['wh.newUsers', 'newUsers'], ['wh.followedUp', 'followedUp'], ['wh.followUpRate', 'followUpRate'],
    ['wh.failures', 'failures']];

  async function reportsPage(arg, query) {
    const me = R.me();
    const jurisdiction = query.get('jurisdiction') || (me.jurisdictionCodes.find(c => c.length >= 6) || '');
    const quarter = query.get('quarter') || quarterNow();
    const form = el('form', { class: 'inline', id: 'wh-report-form' },
      field('jurisdiction', jurisdiction, { name: 'jurisdiction', id: 'wh-report-jurisdiction' }),
      field('wh.quarter', quarter, { name: 'quarter', id: 'wh-report-quarter' }),
      el('button', { type: 'submit', class: 'primary', id: 'wh-report-show' }, t('search')));
    form.addEventListener('submit', (e) => { e.preventDefault();
      location.hash = '#/wh-reports?' + new URLSearchParams({ jurisdiction: value(form, 'jurisdiction') || '', quarter: value(form, 'quarter') || '' }); });
    const params = new URLSearchParams({ jurisdiction: jurisdiction, quarter: quarter });
    const [stock, users] = await Promise.all([get(API + '/reports/stock?' + params), get(API + '/reports/users?' + params)]);
    view(el('p', {}, link('warehouse', '‹ ' + t('wh.title'))), el('h2', {}, t('wh.reports')), form,
      report('stock', stock, STOCK_COLUMNS, params), report('users', users, USERS_COLUMNS, params));
  }

  function report(kind, res, columns, params) {
    const box = el('section', { class: 'wh-report', id: 'wh-report-' + kind });
    if (!res.ok) { add(box, failure(res)); return box; }
    const r = res.data;
    const signed = r.signOff;
    const exports = el('div', { class: 'toolbar' }, ['xlsx', 'pdf', 'csv'].map(f =>
      el('a', { href: API + '/reports/' + kind + '?' + params + '&format=' + f, id: 'wh-export-' + kind + '-' + f, download: '' },
        t('wh.export') + ' ' + f.toUpperCase())));
    add(box, el('h2', {}, r.title + ' · ' + r.jurisdiction + ' · ' + r.quarter),
      el('p', { id: 'wh-signoff-' + kind, class: signed ? 'ok' : 'muted' }, signed
        ? t('wh.signedOff') + '：' + signed.signedBy + ' · ' + R.when(signed.signedAt) + ' · ' + t('wh.revision') + ' ' + signed.revision
          + (signed.correctionReason ? ' · ' + t('wh.correctionReason') + '：' + signed.correctionReason : '')
        : t('wh.notSignedOff')),
      signed && signed.analysis ? el('p', { class: 'plan' }, t('wh.analysis') + '：' + signed.analysis) : null,
      table(columns.map(([k, f]) => [k, row => (row[f] == null ? '' : row[f])]), r.rows), exports);
    if (R.has('DIRECTOR')) {
      const msg = message();
      const analysis = el('input', { id: 'wh-analysis-' + kind, placeholder: t('wh.analysis'), size: 40 });
      const correction = el('input', { id: 'wh-correction-' + kind, placeholder: t('wh.correctionReason'), size: 30 });
      add(box, el('div', { class: 'toolbar' }, el('label', {}, t('wh.analysis'), analysis),
        signed ? el('label', {}, t('wh.correctionReason'), correction) : null,
        button(signed ? t('wh.signCorrection') : t('wh.signOff'), () => submit(msg, 'POST', API + '/reports/' + kind + '/sign-off',
          { jurisdiction: params.get('jurisdiction'), quarter: params.get('quarter'), analysis: analysis.value,
            correctionReason: signed ? correction.value : null }, () => route()), { class: 'primary', id: 'wh-sign-' + kind })), msg);
    }
    return box;
  }
  const route = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

  // ---- words ------------------------------------------------------------------------------------------------------
  const ZH = {
    'wh.title': '避孕药具管理', 'wh.reports': '季度报表', 'wh.card': '一人一卡', 'wh.warnings': '预警', 'wh.dueDates': '报送时间提醒',
    'wh.stores': '药具库', 'wh.products': '药具目录', 'wh.reconciled': '账账相符', 'wh.notReconciled': '账账不符，请核查',
    'wh.balancesChecked': '条库存已核对', 'wh.kind': '类别', 'wh.store': '药具库', 'wh.monthsOfStock': '可供月数',
    'wh.expiresOn': '有效期至', 'wh.suggestion': '建议', 'wh.moveTo': '调往', 'wh.detail': '说明', 'wh.noWarnings': '没有预警。',
    'wh.daysLeft': '剩余天数', 'wh.NEAR_EXPIRY': '近效期', 'wh.LOW_STOCK': '库存不足', 'wh.DUE': '报送',
    'wh.storeName': '名称', 'wh.level': '层级', 'wh.jurisdictionCode': '行政区划代码', 'wh.DISTRICT': '区（县）级',
    'wh.STREET': '街道（乡镇）级', 'wh.COMMUNITY': '社区（村）级', 'wh.addStore': '设立药具库', 'wh.addProduct': '添加品种',
    'wh.name': '品名', 'wh.type': '类别', 'wh.specification': '规格', 'wh.unit': '单位', 'wh.approvalNumber': '批准文号',
    'wh.manufacturer': '生产企业', 'wh.stock': '库存', 'wh.receive': '验收入库', 'wh.issue': '发放', 'wh.transfer': '调拨',
    'wh.stockTake': '盘点', 'wh.scraps': '报废', 'wh.plan': '需求计划', 'wh.stockOnHand': '库存（按批次，先到期在前）',
    'wh.ledger': '明细帐（最近 50 条）', 'wh.batch': '批号', 'wh.product': '品种', 'wh.quantity': '数量', 'wh.status': '状态',
    'wh.trace': '追溯', 'wh.blocked': '验收未通过·冻结', 'wh.expired': '已过期', 'wh.nearExpiry': '近效期', 'wh.usable': '可发放',
    'wh.lot': '批次', 'wh.to': '去向', 'wh.resident': '居民', 'wh.storeNo': '药具库',
    'wh.RECEIVE': '入库', 'wh.ISSUE': '发放', 'wh.TRANSFER_IN': '调入', 'wh.TRANSFER_OUT': '调出', 'wh.ADJUST': '盘点调整',
    'wh.SCRAP': '报废', 'wh.checklist': '三查六对', 'wh.quality': '质量检查', 'wh.allPassed': '全部合格',
    'wh.c.receivingUnit': '查收货单位', 'wh.c.invoiceSeal': '查票据印鉴', 'wh.c.invoiceDate': '查开票时间', 'wh.c.itemNumber': '对货号',
    'wh.c.name': '对品名', 'wh.c.specification': '对规格', 'wh.c.dose': '对剂量', 'wh.c.unit': '对单位', 'wh.c.quantity': '对数量',
    'wh.c.packaging': '对包装', 'wh.c.noDiscoloration': '无变色', 'wh.c.noDamp': '无吸潮', 'wh.c.noClumping': '无结块',
    'wh.c.noMelting': '无溶化', 'wh.c.noMould': '无生霉', 'wh.c.noOdour': '无异臭', 'wh.c.noSediment': '无沉淀',
    'wh.c.noContamination': '无污染', 'wh.c.labelled': '品名、规格、批准文号、批号、有效期标识齐全',
    'wh.producedOn': '生产日期', 'wh.supplier': '供货单位', 'wh.invoiceNumber': '票据号',
    'wh.blockHint': '未勾选的项目视为不合格：该批次将冻结，永不发放或调拨。',
    'wh.confirmBlock': '有检查项未勾选，该批次将作为不合格冻结。确认请再点一次“验收入库”。',
    'wh.received': '已入库：批号', 'wh.receivedBlocked': '验收未通过，已冻结：批号', 'wh.toPerson': '发给个人（一人一卡）',
    'wh.toPoint': '发给发放点', 'wh.noneChosen': '尚未选择', 'wh.choose': '选择', 'wh.months': '发放月数（1–3）',
    'wh.method': '避孕方法', 'wh.informedChoice': '本人已知情选择', 'wh.recipient': '领取单位或发放点',
    'wh.override': '不按先产先出（须写明理由）', 'wh.overrideOn': '指定批次', 'wh.overrideReason': '理由',
    'wh.fefoSuggestion': '按先产先出，将从以下批次发放：', 'wh.take': '发放', 'wh.issued': '已发放：',
    'wh.nothingToIssue': '本库没有可发放的批次。', 'wh.toStore': '调入库', 'wh.transferred': '已调拨。',
    'wh.transferHint': '只在上下级药具库之间调拨：区→街道按季度，街道→社区按月。过期或冻结的批次不能调拨。',
    'wh.quarter': '季度', 'wh.ledgerQuantity': '账面数', 'wh.counted': '实盘数', 'wh.explanation': '盈亏原因',
    'wh.submitCount': '提交盘点', 'wh.stockTakes': '盘点记录', 'wh.differences': '差异', 'wh.submittedBy': '提交人',
    'wh.decidedBy': '审批人', 'wh.SUBMITTED': '待审批', 'wh.APPROVED': '已批准', 'wh.REJECTED': '未批准',
    'wh.stockTakeHint': '逐批清点；账物不符须说明原因，经主任（非盘点人）批准后才调整明细帐。',
    'wh.decisionNote': '审批意见（不同意须写理由）', 'wh.scrapReason': '报废原因', 'wh.submitScrap': '提交报废申请',
    'wh.scrapHint': '过期或损坏的药具报上一级主管部门审批，批准后核销，不得擅自销毁。',
    'wh.expectedNewUsers': '预计新增人数', 'wh.users': '使用人数', 'wh.perUserMonth': '人均月用量', 'wh.turnoverMonths': '周转月数',
    'wh.onHand': '现有库存', 'wh.demand': '需求量',
    'wh.planHint': '需求量 =（使用人数 + 预计新增人数）× 人均月用量 ×（12 + 周转月数）− 现有可用库存；7月10日前逐级上报。',
    'wh.cardHint': '药具使用信息属敏感个人信息：每次查看须写明理由并记入审计。', 'wh.readReason': '查看理由（记入审计）',
    'wh.readCard': '查看', 'wh.onDate': '日期', 'wh.channel': '随访方式', 'wh.outcome': '随访结果', 'wh.note': '记录',
    'wh.FOLLOW_UP': '随访', 'wh.ADVERSE_REACTION': '不良反应', 'wh.FACE_TO_FACE': '面访', 'wh.PHONE': '电话',
    'wh.CONTINUING': '继续使用', 'wh.METHOD_CHANGE': '更换方法', 'wh.FAILURE': '避孕失败', 'wh.STOPPED': '停用',
    'wh.followUp': '随访记录', 'wh.adverseReaction': '不良反应报告', 'wh.description': '不良反应描述', 'wh.recipients': '领取人',
    'wh.opening': '期初', 'wh.closing': '期末', 'wh.lossPerMille': '损耗率‰', 'wh.newUsers': '新增人数', 'wh.followedUp': '已随访',
    'wh.followUpRate': '随访率 %', 'wh.failures': '失败', 'wh.export': '导出', 'wh.signedOff': '已签字确认',
    'wh.notSignedOff': '尚未签字确认：以下为实时数据。', 'wh.revision': '版本', 'wh.analysis': '文字分析说明',
    'wh.signOff': '签字确认', 'wh.signCorrection': '签署更正版', 'wh.correctionReason': '更正理由'
  };
  const EN = {
    'wh.title': 'Contraceptive warehouse', 'wh.reports': 'Quarterly reports', 'wh.card': 'Personal cards', 'wh.warnings': 'Warnings',
    'wh.dueDates': 'Due dates', 'wh.stores': 'Stores', 'wh.products': 'Catalogue', 'wh.reconciled': 'Ledger reconciles',
    'wh.notReconciled': 'Ledger does not reconcile: check it', 'wh.balancesChecked': 'balances checked', 'wh.kind': 'Kind',
    'wh.store': 'Store', 'wh.monthsOfStock': 'Months of stock', 'wh.expiresOn': 'Expires', 'wh.suggestion': 'Suggestion',
    'wh.moveTo': 'move to', 'wh.detail': 'Detail', 'wh.noWarnings': 'No warnings.', 'wh.daysLeft': 'days left',
    'wh.NEAR_EXPIRY': 'near expiry', 'wh.LOW_STOCK': 'low stock', 'wh.DUE': 'due', 'wh.storeName': 'Name', 'wh.level': 'Level',
    'wh.jurisdictionCode': 'Jurisdiction code', 'wh.DISTRICT': 'district', 'wh.STREET': 'street', 'wh.COMMUNITY': 'community',
    'wh.addStore': 'Set up store', 'wh.addProduct': 'Add product', 'wh.name': 'Name', 'wh.type': 'Type',
    'wh.specification': 'Specification', 'wh.unit': 'Unit', 'wh.approvalNumber': 'Approval number', 'wh.manufacturer': 'Manufacturer',
    'wh.stock': 'Stock', 'wh.receive': 'Receive', 'wh.issue': 'Issue', 'wh.transfer': 'Transfer', 'wh.stockTake': 'Stock-take',
    'wh.scraps': 'Scrapping', 'wh.plan': 'Demand plan', 'wh.stockOnHand': 'Stock on hand by lot (first to expire first)',
    'wh.ledger': 'Ledger (last 50)', 'wh.batch': 'Batch', 'wh.product': 'Product', 'wh.quantity': 'Quantity', 'wh.status': 'Status',
    'wh.trace': 'Trace', 'wh.blocked': 'failed check, blocked', 'wh.expired': 'expired', 'wh.nearExpiry': 'near expiry',
    'wh.usable': 'usable', 'wh.lot': 'Lot', 'wh.to': 'To', 'wh.resident': 'Resident', 'wh.storeNo': 'store',
    'wh.RECEIVE': 'Received', 'wh.ISSUE': 'Issued', 'wh.TRANSFER_IN': 'Transferred in', 'wh.TRANSFER_OUT': 'Transferred out',
    'wh.ADJUST': 'Adjusted', 'wh.SCRAP': 'Scrapped', 'wh.checklist': 'Three checks, six matches', 'wh.quality': 'Quality check',
    'wh.allPassed': 'All passed', 'wh.c.receivingUnit': 'receiving unit', 'wh.c.invoiceSeal': 'invoice seal',
    'wh.c.invoiceDate': 'invoice date', 'wh.c.itemNumber': 'item number', 'wh.c.name': 'name', 'wh.c.specification': 'specification',
    'wh.c.dose': 'dose', 'wh.c.unit': 'unit', 'wh.c.quantity': 'quantity', 'wh.c.packaging': 'packaging',
    'wh.c.noDiscoloration': 'no discoloration', 'wh.c.noDamp': 'no damp', 'wh.c.noClumping': 'no clumping',
    'wh.c.noMelting': 'no melting', 'wh.c.noMould': 'no mould', 'wh.c.noOdour': 'no odour', 'wh.c.noSediment': 'no sediment',
    'wh.c.noContamination': 'no contamination', 'wh.c.labelled': 'name, specification, approval number, batch, expiry printed',
    'wh.producedOn': 'Produced', 'wh.supplier': 'Supplier', 'wh.invoiceNumber': 'Invoice number',
    'wh.blockHint': 'An unticked item counts as failed: the lot is blocked and never issued or transferred.',
    'wh.confirmBlock': 'Some checks are not ticked: the lot will be blocked. Click "Receive" again to confirm.',
    'wh.received': 'Received: batch', 'wh.receivedBlocked': 'Failed the check, blocked: batch', 'wh.toPerson': 'To a person (card)',
    'wh.toPoint': 'To a service point', 'wh.noneChosen': 'nobody chosen', 'wh.choose': 'Choose', 'wh.months': 'Months (1–3)',
    'wh.method': 'Method', 'wh.informedChoice': 'Informed choice made', 'wh.recipient': 'Recipient or service point',
    'wh.override': 'Not first expiry first (reason required)', 'wh.overrideOn': 'Choose the lot', 'wh.overrideReason': 'Reason',
    'wh.fefoSuggestion': 'First expiry first out takes:', 'wh.take': 'take', 'wh.issued': 'Issued:',
    'wh.nothingToIssue': 'No lot of this store can be issued.', 'wh.toStore': 'To store', 'wh.transferred': 'Transferred.',
    'wh.transferHint': 'Only between a store and the one directly above or below: district → street quarterly, street → community monthly. Expired or blocked lots cannot move.',
    'wh.quarter': 'Quarter', 'wh.ledgerQuantity': 'Ledger', 'wh.counted': 'Counted', 'wh.explanation': 'Explanation',
    'wh.submitCount': 'Submit count', 'wh.stockTakes': 'Stock-takes', 'wh.differences': 'Differences', 'wh.submittedBy': 'Submitted by',
    'wh.decidedBy': 'Decided by', 'wh.SUBMITTED': 'waiting', 'wh.APPROVED': 'approved', 'wh.REJECTED': 'rejected',
    'wh.stockTakeHint': 'Count every lot; a difference needs an explanation and is adjusted only once a director other than the counter approves.',
    'wh.decisionNote': 'Note (required to reject)', 'wh.scrapReason': 'Reason', 'wh.submitScrap': 'Ask to scrap',
    'wh.scrapHint': 'Expired or damaged stock is written off only once the level above approves; never destroyed silently.',
    'wh.expectedNewUsers': 'Expected new users', 'wh.users': 'Users', 'wh.perUserMonth': 'Units per user-month',
    'wh.turnoverMonths': 'Turnover months', 'wh.onHand': 'On hand', 'wh.demand': 'Demand',
    'wh.planHint': 'Demand = (users + expected new users) × units per user-month × (12 + turnover months) − usable stock; due by 10 July.',
    'wh.cardHint': 'Contraception is sensitive personal data: every read needs a reason and is audited.',
    'wh.readReason': 'Reason (audited)', 'wh.readCard': 'Read', 'wh.onDate': 'Date', 'wh.channel': 'Channel', 'wh.outcome': 'Outcome',
    'wh.note': 'Note', 'wh.FOLLOW_UP': 'follow-up', 'wh.ADVERSE_REACTION': 'adverse reaction', 'wh.FACE_TO_FACE': 'face to face',
    'wh.PHONE': 'phone', 'wh.CONTINUING': 'continuing', 'wh.METHOD_CHANGE': 'method changed', 'wh.FAILURE': 'failure',
    'wh.STOPPED': 'stopped', 'wh.followUp': 'Follow-up', 'wh.adverseReaction': 'Adverse reaction report',
    'wh.description': 'Description', 'wh.recipients': 'Recipients', 'wh.opening': 'Opening', 'wh.closing': 'Closing',
    'wh.lossPerMille': 'Loss ‰', 'wh.newUsers': 'New users', 'wh.followedUp': 'Followed up', 'wh.followUpRate': 'Follow-up %',
    'wh.failures': 'Failures', 'wh.export': 'Export', 'wh.signedOff': 'Signed off', 'wh.notSignedOff': 'Not signed off: live figures.',
    'wh.revision': 'revision', 'wh.analysis': 'Written analysis', 'wh.signOff': 'Sign off', 'wh.signCorrection': 'Sign a correction',
    'wh.correctionReason': 'Reason for the correction'
  };

  // the module's stylesheet, once
  if (!document.getElementById('wh-css')) {
    document.head.append(el('link', { rel: 'stylesheet', href: '/ui/modules/warehouse/warehouse.css', id: 'wh-css' }));
  }
  R.register('warehouse', {
    text: { zh: ZH, en: EN },
    routes: { 'warehouse': () => overview(), 'wh-store': stockPage, 'wh-receive': receivePage, 'wh-issue': issuePage,
      'wh-transfer': transferPage, 'wh-stocktake': stockTakePage, 'wh-scraps': scrapsPage, 'wh-plan': planPage,
      'wh-card': cardPage, 'wh-trace': tracePage, 'wh-reports': reportsPage }
  });
})();
