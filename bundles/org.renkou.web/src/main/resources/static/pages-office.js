// Office pages (证件、奖励扶助申请、工作人员): certificates issued and printed, benefit applications through their
// approval chain, staff administration. Loaded before app.js, which calls the factory below with its helpers
// (el() makes text nodes only, api() sends the CSRF token) and adds the routes it returns. The server decides
// every right; what is hidden here is only what it would refuse anyway.
(window.RENKOU_PAGES = window.RENKOU_PAGES || []).push(function (ui) {
  'use strict';
  const { el, show, message, say, table, field, api, get, problem, failure, pager, has, when } = ui;
  const t = ui.t;
  const en = () => ui.lang() === 'en';
  const nameOf = (x) => (en() ? (x.nameEn || x.typeNameEn || x.schemeNameEn) : (x.nameZh || x.typeNameZh || x.schemeNameZh)) || '';
  const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().substring(0, 10); // China date
  /** The level of a jurisdiction code (GB/T 2260 for county and above, then 9/12/15 digits). */
  const levelOfCode = (c) => c.length >= 15 ? 'GROUP' : c.length >= 12 ? 'COMMUNITY' : c.length >= 9 ? 'STREET'
    : c.endsWith('0000') ? 'PROVINCE' : c.endsWith('00') ? 'CITY' : 'COUNTY';
  const WRITERS = ['ADMIN', 'DIRECTOR', 'FAMILY_SERVICES'];
  const REVIEWERS = ['DIRECTOR', 'FAMILY_SERVICES'];

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

  /** A labelled select of [value, text] pairs. */
  function select(name, options, value, attrs) {
    return el('label', {}, t(name), el('select', Object.assign({ name: name }, attrs || {}),
      options.map(([v, text]) => el('option', { value: v, selected: String(v) === String(value) }, text))));
  }

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
        } }, t('choose')), ' ', r.name + '　' + r.idNumber + '　' + t(r.sex) + '　' + r.residenceCode)))
        : el('p', { class: 'muted' }, t('noRows')));
    }
    query.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); search(); } });
    render();
    return el('div', { class: 'picker' }, el('div', { class: 'toolbar' }, el('label', {}, t('findResident'), query),
      el('button', { type: 'button', id: id + '-search', onclick: search }, t('search'))), chips, results);
  }

  /** An audit diff {"field":[old,new]} in words: "编号：GD-1 → GD-2". */
  function changesText(json) {
    let diff;
    try { diff = JSON.parse(json || '{}'); } catch (e) { return json; }
    return Object.entries(diff).map(([k, v]) => {
      const [before, after] = Array.isArray(v) ? v : [null, v];
      const text = (x) => (x === null || x === undefined ? '—' : Array.isArray(x) ? x.join('、')
        : /^[A-Z_]+$/.test(String(x)) ? t(String(x)) : String(x)); // enum values in words
      const label = { number: 'certNumber', printNo: 'printCount', holderIds: 'holders' }[k] || k;
      return t(label) + '：' + (before === null || before === undefined ? '' : text(before) + ' → ') + text(after);
    }).join('；');
  }

  // ---- certificates (证件) ---------------------------------------------------------------------------------
  async function certificates(query) {
    const out = el('div', { id: 'certificate-list' });
    const form = el('form', { class: 'inline', id: 'certificate-search' },
      select('status', [['', t('all')], ['VALID', t('VALID')], ['REVOKED', t('REVOKED')]], query.get('status')),
      el('button', { type: 'submit', class: 'primary' }, t('search')));
    form.addEventListener('submit', e => { e.preventDefault();
      location.hash = '#/certificates?' + new URLSearchParams(new FormData(form)); });
    // 核验: the code on a paper certificate says whether it is the valid copy
    const verifyResult = el('span', { id: 'verify-result' });
    const verifyCode = el('input', { id: 'verify-code', placeholder: t('verificationCode'), maxlength: 8 });
    const verify = el('form', { class: 'inline', id: 'verify-form' }, el('label', {}, t('verifyPaper'), verifyCode),
      el('button', { type: 'submit' }, t('verify')), verifyResult);
    verify.addEventListener('submit', async e => {
      e.preventDefault();
      const r = await get('/api/certificates/verify/' + encodeURIComponent(verifyCode.value.trim().toUpperCase()));
      if (!r.ok) { verifyResult.replaceChildren(failure(r)); return; }
      verifyResult.replaceChildren(el('span', { class: 'badge ' + (r.data.result === 'VALID' ? 'VALID' : 'REVOKED') },
        t('verify_' + r.data.result)), ' ', en() ? r.data.messageEn : r.data.messageZh);
    });
    show(el('h2', {}, t('certificates')), el('div', { class: 'toolbar' }, form,
      has(...WRITERS) ? el('a', { href: '#/certificate-new', class: 'button primary', id: 'certificate-new' }, t('issueCertificate')) : null),
    verify, out);
    const res = await get('/api/certificates?limit=50' + (query.get('status') ? '&status=' + query.get('status') : ''));
    if (!res.ok) { out.replaceChildren(failure(res)); return; }
    const names = await residentNames(res.data.items.flatMap(c => c.holderIds));
    out.replaceChildren(el('p', { class: 'muted' }, t('total') + ' ' + res.data.total + ' ' + t('rows')), table([
      ['type', c => nameOf(c) || c.type], ['certNumber', c => c.number],
      ['holders', c => c.holderIds.map(h => names.get(h)).join('、')], ['issuedOn', c => c.issuedOn],
      ['status', c => el('span', { class: 'badge ' + c.status }, t(c.status))]],
    res.data.items, c => { location.hash = '#/certificate/' + c.id; }));
  }

  async function certificateNew(query) {
    const msg = message();
    const typesRes = await get('/api/certificate-types');
    if (!typesRes.ok) { show(failure(typesRes)); return; }
    const initial = [];
    if (query.get('holder')) {
      const r = await get('/api/residents/' + encodeURIComponent(query.get('holder')));
      if (r.ok) initial.push(r.data);
    }
    const typeSelect = el('select', { name: 'type', id: 'certificate-type' });
    let holders = [];
    // the holders' province decides which types apply (a type belongs to a province bundle)
    function fillTypes() {
      const province = holders.length ? holders[0].residenceCode.substring(0, 2) : null;
      const types = typesRes.data.filter(ty => !province || !ty.provinceCode || ty.provinceCode === province);
      typeSelect.replaceChildren(...types.map(ty => el('option', { value: ty.key }, nameOf(ty))));
      if (!types.length) typeSelect.append(el('option', { value: '' }, t('noTypes')));
    }
    const picker = residentPicker('holder', true, chosen => { holders = chosen; fillTypes(); }, initial);
    const form = el('form', { class: 'box wide', id: 'certificate-form' }, el('h2', {}, t('issueCertificate')),
      el('p', {}, t('holders')), picker,
      el('p', {}, el('label', {}, t('type'), typeSelect)),
      el('p', {}, field('certNumber', '', { id: 'certificate-number', placeholder: t('numberAuto') })),
      el('p', {}, field('issuedOn', today(), { id: 'certificate-issued', type: 'date' })),
      el('p', {}, field('note', '', { id: 'certificate-note' })),
      el('button', { type: 'submit', class: 'primary', id: 'certificate-issue' }, t('issue')), msg);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      if (!holders.length) { say(msg, t('chooseHolder')); return; }
      const f = new FormData(form);
      const res = await api('POST', '/api/certificates', { type: f.get('type'), number: f.get('certNumber') || null,
        holderIds: holders.map(h => h.id), issuedOn: f.get('issuedOn') || null, note: f.get('note') || null });
      if (res.ok) location.hash = '#/certificate/' + res.data.id; else say(msg, problem(res));
    });
    show(form, el('a', { href: '#/certificates' }, t('backToList')));
  }

  /** Asks the server for a print as PDF (a new verification code) and offers it as a link to open and print. */
  async function printPdf(id, reason, out, msg) {
    const me = ui.me();
    let r;
    try {
      r = await fetch('/api/certificates/' + id + '/print.pdf', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken,
          'Accept-Language': en() ? 'en' : 'zh-CN' }, body: JSON.stringify(reason ? { reason: reason } : {}) });
    } catch (e) { say(msg, String(e)); return false; }
    if (!r.ok) {
      const data = (r.headers.get('Content-Type') || '').includes('json') ? await r.json() : null;
      say(msg, problem({ status: r.status, data: data }));
      return false;
    }
    msg.textContent = '';
    const blob = await r.blob();
    const url = URL.createObjectURL(blob);
    const codeText = r.headers.get('X-Renkou-Verification-Code') || '';
    const printNo = r.headers.get('X-Renkou-Print-No') || '';
    out.replaceChildren(el('div', { class: 'plan', id: 'print-result' },
      el('p', {}, t('printReady') + '（' + t('printNo').replace('{n}', printNo) + '）'),
      el('p', {}, t('verificationCode') + '：', el('strong', { id: 'verification-code', class: 'code-big' }, codeText)),
      el('p', {}, el('a', { href: url, target: '_blank', id: 'pdf-link', class: 'button primary',
        'data-type': blob.type, 'data-size': String(blob.size) }, t('openPdf')),
      ' ', el('span', { class: 'muted' }, t('pdfHint') + '（' + Math.round(blob.size / 1024) + ' KB）'))));
    return true;
  }

  async function certificate(id) {
    const [res, hist] = await Promise.all([get('/api/certificates/' + id), get('/api/certificates/' + id + '/history')]);
    if (!res.ok) { show(failure(res)); return; }
    const c = res.data;
    const names = await residentNames(c.holderIds);
    const printed = hist.ok && hist.data.some(h => h.event === 'PRINTED' || h.event === 'REPRINTED');
    const msg = message();
    const printOut = el('div', { id: 'print-out' });
    const canWrite = has(...WRITERS) && c.status === 'VALID';
    const reprintReason = el('select', { id: 'reprint-reason' }, ['', '遗失', '损坏', '信息变更后重新打印'].map(r =>
      el('option', { value: r }, r === '' ? t('chooseReason') : r)));
    const reprintOther = el('input', { id: 'reprint-other', placeholder: t('otherReason') });
    const revokeReason = el('input', { id: 'revoke-reason', placeholder: t('revokeReason') });
    const revokeDate = el('input', { id: 'revoke-date', type: 'date', value: today() });
    const printState = el('p', { class: 'muted', id: 'print-state' }, printed ? t('printedBefore') : t('notPrintedYet'));
    const afterPrint = async (ok) => {
      if (!ok) return;
      printState.textContent = t('printedBefore');
      printBox.replaceChildren(...printControls(true));
      const h = await get('/api/certificates/' + id + '/history');
      if (h.ok) history.replaceChildren(historyTable(h.data));
    };
    function printControls(done) {
      if (!canWrite) return [];
      if (!done) {
        return [el('button', { type: 'button', class: 'primary', id: 'print', onclick: async () =>
          afterPrint(await printPdf(id, null, printOut, msg)) }, t('print'))];
      }
      return [el('label', {}, t('reprintReason'), reprintReason), el('label', {}, t('otherReason'), reprintOther),
        el('button', { type: 'button', id: 'reprint', onclick: async () => {
          const why = reprintOther.value.trim() || reprintReason.value;
          if (!why) { say(msg, t('reprintNeedsReason')); return; }
          afterPrint(await printPdf(id, why, printOut, msg));
        } }, t('reprint'))];
    }
    const historyTable = (rows) => table([['action', h => t(h.event)], ['actor', h => h.actor],
      ['at', h => when(h.at)], ['changes', h => changesText(h.changes)], ['reason', h => h.reason || '']], rows);
    const history = el('div', { id: 'certificate-history' }, hist.ok ? historyTable(hist.data) : failure(hist));
    const printBox = el('div', { class: 'toolbar', id: 'print-box' }, ...printControls(printed));
    const revokeBox = canWrite ? el('details', { class: 'box wide', id: 'revoke-box' }, el('summary', {}, t('revoke')),
      el('p', { class: 'muted' }, t('revokeHint')),
      el('div', { class: 'toolbar' }, el('label', {}, t('revokeReason'), revokeReason),
        el('label', {}, t('revokedOn'), revokeDate),
        el('button', { type: 'button', id: 'revoke', onclick: async () => {
          const r = await api('POST', '/api/certificates/' + id + '/revoke',
            { reason: revokeReason.value, revokedOn: revokeDate.value || null, version: c.version });
          if (r.ok) certificate(id); else say(msg, problem(r));
        } }, t('revokeConfirm')))) : null;
    show(el('h2', {}, nameOf(c) + '　' + c.number),
      el('dl', { class: 'facts', id: 'certificate-facts' },
        el('dt', {}, t('status')), el('dd', {}, el('span', { class: 'badge ' + c.status, id: 'certificate-status' }, t(c.status)),
          c.revokedOn ? '　' + t('revokedOn') + ' ' + c.revokedOn : ''),
        el('dt', {}, t('holders')), el('dd', {}, c.holderIds.flatMap((h, i) => [i ? '、' : '', residentLink(h, names)])),
        el('dt', {}, t('issuedOn')), el('dd', {}, c.issuedOn),
        c.note ? [el('dt', {}, t('note')), el('dd', {}, c.note)] : null),
      el('h2', {}, t('printing')),
      printState, printBox, printOut, msg, revokeBox,
      el('h2', {}, t('history')), history,
      el('a', { href: '#/certificates' }, t('backToList')));
  }

  // ---- benefit applications (奖励扶助申请) ---------------------------------------------------------------------
  /** The caller's jurisdiction of the step's level that covers the application: may they decide it? */
  function reviewsAt(level, jurisdictionCode) {
    if (!has(...REVIEWERS)) return false;
    return ui.me().jurisdictionCodes.some(c => c !== '' && levelOfCode(c) === level && jurisdictionCode.startsWith(
      level === 'PROVINCE' ? c.substring(0, 2) : level === 'CITY' ? c.substring(0, 4) : c));
  }
  const amountText = (a) => a.amount + ' ' + t('yuan') + (a.amountPeriod === 'MONTHLY' ? t('perMonth') : '');

  async function benefits(query) {
    const out = el('div', { id: 'benefit-list' });
    const form = el('form', { class: 'inline', id: 'benefit-search' },
      select('status', [['', t('all')], ...['IN_REVIEW', 'APPROVED', 'PAID', 'REJECTED'].map(s => [s, t(s)])],
        query.get('status')), el('button', { type: 'submit', class: 'primary' }, t('search')));
    form.addEventListener('submit', e => { e.preventDefault();
      location.hash = '#/benefits?' + new URLSearchParams(new FormData(form)); });
    show(el('h2', {}, t('benefits')), el('div', { class: 'toolbar' }, form,
      has(...WRITERS) ? el('a', { href: '#/benefit-new', class: 'button primary', id: 'benefit-new' }, t('newApplication')) : null),
    out);
    const res = await get('/api/benefit-applications?limit=50' + (query.get('status') ? '&status=' + query.get('status') : ''));
    if (!res.ok) { out.replaceChildren(failure(res)); return; }
    const names = await residentNames(res.data.items.map(a => a.applicantId));
    out.replaceChildren(el('p', { class: 'muted' }, t('total') + ' ' + res.data.total + ' ' + t('rows')), table([
      ['scheme', a => nameOf(a)], ['applicant', a => names.get(a.applicantId)], ['appliedOn', a => a.appliedOn],
      ['amount', a => amountText(a)], ['status', a => el('span', { class: 'badge ' + a.status }, t(a.status))],
      ['currentStepCol', a => a.status === 'IN_REVIEW' ? t(a.approvalChain[a.currentStep].level) +
        (reviewsAt(a.approvalChain[a.currentStep].level, a.jurisdictionCode) ? '（' + t('myTurn') + '）' : '') : '']],
    res.data.items, a => { location.hash = '#/benefit/' + a.id; }));
  }

  async function benefitNew(query) {
    const msg = message();
    const schemesRes = await get('/api/benefit-schemes');
    if (!schemesRes.ok) { show(failure(schemesRes)); return; }
    const initial = [];
    if (query.get('applicant')) {
      const r = await get('/api/residents/' + encodeURIComponent(query.get('applicant')));
      if (r.ok) initial.push(r.data);
    }
    let applicant = null;
    const schemeSelect = el('select', { name: 'schemeId', id: 'benefit-scheme' });
    const chain = el('p', { class: 'muted', id: 'benefit-chain' });
    function fillSchemes() {
      const province = applicant ? applicant.residenceCode.substring(0, 2) : null;
      const schemes = schemesRes.data.filter(s => !province || s.provinceCode === province);
      schemeSelect.replaceChildren(...schemes.map(s => el('option', { value: s.id }, nameOf(s) + '（' +
        s.amount + ' ' + t('yuan') + (s.amountPeriod === 'MONTHLY' ? t('perMonth') : '') + '）')));
      describe();
    }
    function describe() {
      const s = schemesRes.data.find(x => x.id === schemeSelect.value);
      chain.textContent = s ? t('chain') + '：' + s.approvalChain.map(st => t(st.level) +
        (st.noticeDays ? '（' + t('noticeDays').replace('{n}', st.noticeDays) + '）' : '')).join(' → ') + ' → ' + t('payment') : '';
    }
    schemeSelect.addEventListener('change', describe);
    const picker = residentPicker('applicant', false, chosen => { applicant = chosen[0] || null; fillSchemes(); }, initial);
    const form = el('form', { class: 'box wide', id: 'benefit-form' }, el('h2', {}, t('newApplication')),
      el('p', {}, t('applicant')), picker, el('p', {}, el('label', {}, t('scheme'), schemeSelect)), chain,
      el('p', { class: 'muted' }, t('eligibilityHint')),
      el('button', { type: 'submit', class: 'primary', id: 'benefit-submit' }, t('submitApplication')), msg);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      if (!applicant) { say(msg, t('chooseApplicant')); return; }
      const res = await api('POST', '/api/benefit-applications', { schemeId: schemeSelect.value, applicantId: applicant.id });
      if (res.ok) location.hash = '#/benefit/' + res.data.id; else say(msg, problem(res));
    });
    show(form, el('a', { href: '#/benefits' }, t('backToList')));
  }

  async function benefit(id) {
    const base = '/api/benefit-applications/' + id;
    const [res, steps, objections] = await Promise.all([get(base), get(base + '/steps'), get(base + '/objections')]);
    if (!res.ok) { show(failure(res)); return; }
    const a = res.data;
    const names = await residentNames([a.applicantId]);
    const msg = message();
    const step = a.status === 'IN_REVIEW' ? a.approvalChain[a.currentStep] : null;
    const last = a.approvalChain[a.approvalChain.length - 1];
    const mine = step && reviewsAt(step.level, a.jurisdictionCode);
    const post = async (path, body) => {
      const r = await api('POST', base + path, body);
      if (r.ok) benefit(id); else say(msg, problem(r));
    };
    const inNotice = step && a.noticeUntil && a.noticeUntil > today();

    // the chain as steps: done, current (with its notice), to come
    const chainView = el('ol', { class: 'chain', id: 'benefit-chain' }, a.approvalChain.map((s, i) => {
      // a rejection keeps currentStep at the step that rejected; approval and payment clear it
      const at = a.currentStep === null || a.currentStep === undefined ? a.approvalChain.length : a.currentStep;
      const state = i < at ? 'done' : i > at ? 'todo' : a.status === 'REJECTED' ? 'rejected' : 'current';
      return el('li', { class: state }, t(s.level) + (s.noticeDays ? '（' + t('noticeDays').replace('{n}', s.noticeDays) + '）' : ''),
        state === 'current' && a.noticeUntil ? el('div', { class: 'muted' }, t('notice') + ' ' + a.noticeFrom + ' — ' + a.noticeUntil) : null);
    }), el('li', { class: a.status === 'PAID' ? 'done' : 'todo' }, t('payment')));

    const reason = el('textarea', { id: 'decision-reason', rows: 2, placeholder: t('reasonRequired') });
    const decisionBox = mine && a.schemeActive !== false ? el('div', { class: 'box wide', id: 'decision-box' },
      el('h2', {}, t('decideStep').replace('{level}', t(step.level))),
      inNotice ? el('p', { class: 'plan' }, t('noticeRunning').replace('{date}', a.noticeUntil)) : null,
      el('label', {}, t('reason'), reason),
      el('div', { class: 'toolbar' },
        el('button', { type: 'button', class: 'primary', id: 'approve', onclick: () =>
          post('/decision', { decision: 'PASSED', reason: reason.value, version: a.version }) }, t('approve')),
        el('button', { type: 'button', id: 'reject', onclick: () =>
          post('/decision', { decision: 'REJECTED', reason: reason.value, version: a.version }) }, t('reject')))) : null;

    const paidOn = el('input', { id: 'paid-on', type: 'date', value: today() });
    const reference = el('input', { id: 'payment-reference', placeholder: t('paymentReference') });
    const payNote = el('input', { id: 'payment-note' });
    const payBox = a.status === 'APPROVED' && reviewsAt(last.level, a.jurisdictionCode) ? el('div', { class: 'box wide', id: 'pay-box' },
      el('h2', {}, t('recordPayment')), el('div', { class: 'toolbar' }, el('label', {}, t('paidOn'), paidOn),
        el('label', {}, t('paymentReference'), reference), el('label', {}, t('note'), payNote),
        el('button', { type: 'button', class: 'primary', id: 'pay', onclick: () => post('/decision', { decision: 'PAID',
          paidOn: paidOn.value || null, paymentReference: reference.value || null, reason: payNote.value || null,
          version: a.version }) }, t('recordPayment')))) : null;

    // objections (异议) raised during the notice of a step, resolved by that step's reviewers
    const objector = el('input', { id: 'objector', placeholder: t('objectorHint') });
    const content = el('textarea', { id: 'objection-content', rows: 2 });
    const objectionRows = objections.ok ? objections.data : [];
    const resolveCell = (o) => {
      if (o.status !== 'OPEN') return [t(o.status), o.resolution ? '：' + o.resolution : ''];
      if (!(a.status === 'IN_REVIEW' && reviewsAt(a.approvalChain[o.stepIndex].level, a.jurisdictionCode))) return t('OPEN');
      const why = el('input', { class: 'resolution', placeholder: t('resolutionReason') });
      return el('span', { class: 'toolbar' }, why,
        el('button', { type: 'button', class: 'dismiss', onclick: () => post('/objections/' + o.id + '/resolution',
          { status: 'DISMISSED', resolution: why.value, version: o.version }) }, t('dismiss')),
        el('button', { type: 'button', class: 'uphold', onclick: () => post('/objections/' + o.id + '/resolution',
          { status: 'UPHELD', resolution: why.value, version: o.version }) }, t('uphold')));
    };
    const objectionBox = el('div', { id: 'objections' }, el('h2', {}, t('objections')),
      objections.ok ? table([['step', o => t(a.approvalChain[o.stepIndex].level)], ['objector', o => o.objector],
        ['content', o => o.content], ['at', o => when(o.recordedAt)], ['status', resolveCell]], objectionRows) : failure(objections),
      a.status === 'IN_REVIEW' && has(...WRITERS) && a.schemeActive !== false ? el('div', { class: 'toolbar', id: 'objection-form' },
        el('label', {}, t('objector'), objector), el('label', {}, t('content'), content),
        el('button', { type: 'button', id: 'object', onclick: () =>
          post('/objections', { objector: objector.value, content: content.value }) }, t('objection'))) : null);

    show(el('h2', {}, nameOf(a) + ' · ', el('span', { class: 'badge ' + a.status, id: 'benefit-status' }, t(a.status))),
      a.schemeActive === false ? el('p', { class: 'plan' }, t('schemeInactive')) : null,
      el('dl', { class: 'facts' },
        el('dt', {}, t('applicant')), el('dd', {}, residentLink(a.applicantId, names)),
        el('dt', {}, t('jurisdiction')), el('dd', {}, a.jurisdictionCode),
        el('dt', {}, t('appliedOn')), el('dd', {}, a.appliedOn),
        el('dt', {}, t('amount')), el('dd', {}, amountText(a)),
        el('dt', {}, t('eligibility')), el('dd', {}, en() ? a.eligibilityEn : a.eligibilityZh),
        a.paidOn ? [el('dt', {}, t('paidOn')), el('dd', {}, a.paidOn + (a.paymentReference ? '　' + a.paymentReference : ''))] : null),
      el('h2', {}, t('chain')), chainView,
      step && !mine ? el('p', { class: 'muted', id: 'waiting-for' }, t('waitingFor').replace('{level}', t(step.level))) : null,
      decisionBox, payBox, msg, objectionBox,
      el('h2', {}, t('decisions')),
      steps.ok ? table([['level', s => s.level ? t(s.level) : '—'], ['decision', s => t(s.decision)],
        ['actor', s => s.actor], ['at', s => when(s.at)], ['reason', s => s.reason || '']], steps.data) : failure(steps),
      el('a', { href: '#/benefits' }, t('backToList')));
  }

  // ---- staff administration (工作人员) ------------------------------------------------------------------------
  const ROLES = ['ADMIN', 'DIRECTOR', 'STATISTICIAN', 'FAMILY_SERVICES', 'WAREHOUSE_KEEPER', 'TEACHER',
    'ASSOCIATION_SECRETARY', 'AUDITOR'];
  const codesOf = (text) => String(text || '').split(/[,，\s]+/).filter(Boolean);

  /** The temporary password, shown once, with what to tell the staff member. */
  const passwordNotice = (username, password) => el('div', { class: 'plan', id: 'temporary-password' },
    el('p', {}, t('temporaryPasswordFor').replace('{user}', username)),
    el('p', {}, el('strong', { class: 'code-big', id: 'temporary-password-value' }, password)),
    el('p', { class: 'muted' }, t('temporaryPasswordHint')));

  function staffForm(s, onSaved) {
    const msg = message();
    const editing = !!s;
    const form = el('form', { class: 'box wide', id: editing ? 'staff-edit-form' : 'staff-form' },
      el('h2', {}, editing ? t('editStaff') + '：' + s.username : t('createStaff')),
      editing ? null : el('p', {}, field('username', '', { id: 'staff-username' })),
      el('p', {}, field('name', editing ? s.name : '', { id: editing ? 'edit-name' : 'staff-name' })),
      el('p', {}, t('roles'), el('br'), ROLES.map(r => el('label', { class: 'check' },
        el('input', { type: 'checkbox', name: 'roles', value: r, id: (editing ? 'edit-role-' : 'role-') + r,
          checked: editing && s.roles.includes(r) }), t(r)))),
      el('p', {}, field('jurisdictionCodes', editing ? s.jurisdictionCodes.join(', ') : '', { id: editing ? 'edit-codes' : 'staff-codes' })),
      editing ? null : el('p', {}, field('initialPasswordOptional', '', { id: 'staff-password', type: 'password', autocomplete: 'new-password' })),
      el('button', { type: 'submit', class: 'primary', id: editing ? 'staff-save' : 'staff-create' }, t('save')), ' ',
      editing ? el('button', { type: 'button', onclick: () => onSaved(null) }, t('cancel')) : null, msg);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const f = new FormData(form);
      const body = { name: f.get('name'), roles: f.getAll('roles'), jurisdictionCodes: codesOf(f.get('jurisdictionCodes')) };
      let res;
      if (editing) {
        res = await api('PUT', '/api/staff/' + encodeURIComponent(s.username),
          Object.assign(body, { username: s.username, active: s.active, version: s.version }));
      } else {
        res = await api('POST', '/api/staff', Object.assign(body, { username: f.get('username'),
          password: f.get('initialPasswordOptional') || null }));
      }
      if (!res.ok) { say(msg, res.status === 409 && editing ? t('conflict') : problem(res)); return; }
      if (!editing && !f.get('initialPasswordOptional')) {
        // no password typed: the server makes one, shown once here
        const reset = await api('POST', '/api/staff/' + encodeURIComponent(res.data.username) + '/password-reset');
        form.reset();
        onSaved(res.data, reset.ok ? passwordNotice(res.data.username, reset.data.temporaryPassword) : failure(reset));
        return;
      }
      if (!editing) form.reset();
      say(msg, editing ? t('saved') : t('created'), true);
      onSaved(res.data);
    });
    return form;
  }

  async function staff() {
    const list = el('div', { id: 'staff-list' });
    const side = el('div', { id: 'staff-side' });
    const notice = el('div', { id: 'staff-notice' });
    const msg = message();
    async function toggle(s) {
      const res = await api('PUT', '/api/staff/' + encodeURIComponent(s.username), Object.assign({}, s, { active: !s.active }));
      if (res.ok) { say(msg, t(res.data.active ? 'enabledNow' : 'disabledNow').replace('{user}', s.username), true); load(); }
      else say(msg, problem(res));
    }
    async function reset(s) {
      if (!window.confirm(t('resetConfirm').replace('{user}', s.username))) return;
      const res = await api('POST', '/api/staff/' + encodeURIComponent(s.username) + '/password-reset');
      if (res.ok) notice.replaceChildren(passwordNotice(s.username, res.data.temporaryPassword));
      else say(msg, problem(res));
    }
    function edit(s) {
      side.replaceChildren(staffForm(s, (saved) => { side.replaceChildren(create()); if (saved) load(); }));
    }
    const create = () => staffForm(null, (saved, extra) => { notice.replaceChildren(extra || ''); load(); });
    async function load() {
      const res = await get('/api/staff');
      if (!res.ok) { list.replaceChildren(failure(res)); return; }
      list.replaceChildren(table([['username', s => s.username], ['name', s => s.name],
        ['roles', s => s.roles.map(t).join('、')], ['jurisdiction', s => s.jurisdictionCodes.map(ui.code).join(', ')],
        ['active', s => el('span', { class: 'badge ' + (s.active ? 'VALID' : 'REVOKED') }, t(s.active ? 'yes' : 'no'))],
        ['action', s => has('ADMIN') ? el('span', { class: 'toolbar', 'data-user': s.username },
          el('button', { type: 'button', class: 'edit', onclick: () => edit(s) }, t('edit')),
          // one's own password is changed (修改密码), not reset; one's own account is not switched off
          s.username === ui.me().username ? null : [el('button', { type: 'button', class: 'reset', onclick: () => reset(s) },
            t('resetPassword')), el('button', { type: 'button', class: 'toggle', onclick: () => toggle(s) },
            t(s.active ? 'disable' : 'enable'))]) : '']], res.data));
    }
    side.replaceChildren(has('ADMIN') ? create() : '');
    show(el('h2', {}, t('staff')), msg, notice, list, side);
    load();
  }

  return { certificates: certificates, certificate: certificate, 'certificate-new': certificateNew,
    benefits: benefits, benefit: benefit, 'benefit-new': benefitNew, staff: staff };
});
