// Certificates (证件): the list, issuing, printing as PDF with a verification code, reprint, revocation, and
// verifying a paper copy. A core page: the menu entry "certificates" names this script and the shell loads it; it
// registers its routes with the shell's helpers (window.Renkou: el() makes text nodes only, api() sends the CSRF
// token). The server decides every right; what is hidden here is only what it would refuse anyway.
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, show, message, say, table, field, api, get, problem, failure, has, when, today, select, residentNames,
    residentLink, residentPicker } = ui;
  const t = ui.t;
  const en = () => ui.lang() === 'en';
  const nameOf = (x) => (en() ? (x.nameEn || x.typeNameEn || x.schemeNameEn) : (x.nameZh || x.typeNameZh || x.schemeNameZh)) || '';
  const WRITERS = ['ADMIN', 'DIRECTOR', 'FAMILY_SERVICES'];

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
  async function certificates(_id, query) {
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

  async function certificateNew(_id, query) {
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

  ui.register(null, { routes: { certificates: certificates, certificate: certificate, 'certificate-new': certificateNew } });
})();
