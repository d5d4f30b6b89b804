// Benefit applications (奖励扶助申请): the list, a new application with the province's eligibility check, and an
// application through its approval chain with public notices, objections (异议) and the payment. A core page: the
// menu entry "benefits" names this script; it registers its routes with the shell's helpers (window.Renkou). The
// server decides every right; what is hidden here is only what it would refuse anyway.
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, show, message, say, table, api, get, problem, failure, has, when, today, select, residentNames,
    residentLink, residentPicker } = ui;
  const t = ui.t;
  const en = () => ui.lang() === 'en';
  const nameOf = (x) => (en() ? (x.nameEn || x.typeNameEn || x.schemeNameEn) : (x.nameZh || x.typeNameZh || x.schemeNameZh)) || '';
  /** The level of a jurisdiction code (GB/T 2260 for county and above, then 9/12/15 digits). */
  const levelOfCode = (c) => c.length >= 15 ? 'GROUP' : c.length >= 12 ? 'COMMUNITY' : c.length >= 9 ? 'STREET'
    : c.endsWith('0000') ? 'PROVINCE' : c.endsWith('00') ? 'CITY' : 'COUNTY';
  const WRITERS = ['ADMIN', 'DIRECTOR', 'FAMILY_SERVICES'];
  const REVIEWERS = ['DIRECTOR', 'FAMILY_SERVICES'];

  /** The caller's jurisdiction of the step's level that covers the application: may they decide it? */
  function reviewsAt(level, jurisdictionCode) {
    if (!has(...REVIEWERS)) return false;
    return ui.me().jurisdictionCodes.some(c => c !== '' && levelOfCode(c) === level && jurisdictionCode.startsWith(
      level === 'PROVINCE' ? c.substring(0, 2) : level === 'CITY' ? c.substring(0, 4) : c));
  }
  const amountText = (a) => a.amount + ' ' + t('yuan') + (a.amountPeriod === 'MONTHLY' ? t('perMonth') : '');

  async function benefits(_id, query) {
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

  async function benefitNew(_id, query) {
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
        el('dt', {}, t('jurisdiction')), el('dd', {}, ui.place(a.jurisdictionCode)),
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

  ui.register(null, { routes: { benefits: benefits, benefit: benefit, 'benefit-new': benefitNew } });
})();
