// 证件核验 Certificate check: a public page (no login) that checks a printed certificate by its 8-character
// verification code — typed, scanned with the phone's camera (BarcodeDetector, where the browser has it), or from the
// QR code on the paper, which opens this page with the code after '#'. It shows VALID / REVOKED / SUPERSEDED with the
// type, number and dates, never holder data (the server gives none). /api/public/certificate-check is rate-limited.
(function () {
  'use strict';
  const TEXT = {
    zh: { title: '证件核验', intro: '输入证件上的 8 位核验码，或用手机扫描证件上的二维码。本页不显示持证人信息。',
      label: '核验码', check: '核验', scan: '扫码', lang: 'English', VALID: '有效', REVOKED: '已注销',
      SUPERSEDED: '已被补打的新证件取代', UNKNOWN: '查无此核验码', type: '证件类型', number: '证件编号',
      issuedOn: '发证日期', revokedOn: '注销日期', printNo: '打印次数', checking: '正在核验…',
      badCode: '核验码为 8 位字母和数字（不含 0、1、I、L、O）。', error: '核验失败' },
    en: { title: 'Certificate check', intro: 'Type the 8-character verification code printed on the certificate, or scan its QR code. No holder data is shown.',
      label: 'Verification code', check: 'Check', scan: 'Scan', lang: '中文', VALID: 'Valid', REVOKED: 'Revoked',
      SUPERSEDED: 'Superseded by a newer print', UNKNOWN: 'No such verification code', type: 'Type',
      number: 'Number', issuedOn: 'Issued on', revokedOn: 'Revoked on', printNo: 'Print no.', checking: 'Checking…',
      badCode: 'A verification code has 8 letters and digits (no 0, 1, I, L, O).', error: 'Check failed' }
  };
  const CODE = /^[2-9A-HJKMNP-Z]{8}$/;
  let lang = new URLSearchParams(location.search).get('lang') === 'en' || localStorage.getItem('renkou.lang') === 'en' ? 'en' : 'zh';
  const t = (k) => TEXT[lang][k] || k;
  const $ = (id) => document.getElementById(id);
  let last = null;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    children.forEach(c => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  function texts() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('title') + ' · Renkou';
    $('check-title').textContent = t('title');
    $('check-intro').textContent = t('intro');
    $('check-label').textContent = t('label');
    $('check-button').textContent = t('check');
    $('check-scan').textContent = t('scan');
    $('lang').textContent = t('lang');
    if (last) render(last);
  }

  function render(answer) {
    last = answer;
    const out = $('check-result');
    if (answer.problem) {
      out.dataset.result = 'ERROR';
      out.replaceChildren(el('p', { class: 'error', id: 'check-problem' }, answer.problem));
      return;
    }
    out.dataset.result = answer.result;
    const rows = [];
    const add = (k, v) => { if (v !== null && v !== undefined && v !== '') rows.push(el('dt', {}, t(k)), el('dd', { id: 'check-' + k }, v)); };
    add('type', lang === 'en' ? (answer.typeNameEn || answer.type) : (answer.typeNameZh || answer.type));
    add('number', answer.number);
    add('issuedOn', answer.issuedOn);
    add('revokedOn', answer.revokedOn);
    add('printNo', answer.printNo);
    out.replaceChildren(el('p', { class: 'verdict', id: 'check-verdict' }, t(answer.result) + ' · ' + answer.code),
      el('p', { class: 'muted' }, lang === 'en' ? (answer.messageEn || '') : (answer.messageZh || '')),
      el('dl', {}, ...rows));
  }

  async function check(raw) {
    const code = String(raw || '').trim().toUpperCase();
    $('check-code').value = code;
    if (!CODE.test(code)) { render({ problem: t('badCode') }); return; }
    $('check-result').replaceChildren(el('p', { class: 'muted' }, t('checking')));
    try {
      const r = await fetch('/api/public/certificate-check/' + encodeURIComponent(code),
        { headers: { 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN' }, credentials: 'omit' });
      const data = await r.json().catch(() => null);
      if (!r.ok) { render({ problem: (data && (data.detail || data.title)) || (t('error') + ' ' + r.status) }); return; }
      render(data);
      if (location.hash !== '#' + code) history.replaceState(null, '', '#' + code);
    } catch (e) {
      render({ problem: t('error') + ': ' + e });
    }
  }

  async function scan() {
    const video = $('check-video');
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch (e) { render({ problem: t('error') + ': ' + e }); return; }
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    const deadline = Date.now() + 60000;
    while (Date.now() < deadline) {
      const found = await detector.detect(video).catch(() => []);
      if (found.length) {
        const value = found[0].rawValue || '';
        const code = value.includes('#') ? value.substring(value.lastIndexOf('#') + 1) : value;
        stream.getTracks().forEach(tr => tr.stop());
        video.hidden = true;
        check(code);
        return;
      }
      await new Promise(r => setTimeout(r, 250));
    }
    stream.getTracks().forEach(tr => tr.stop());
    video.hidden = true;
  }

  $('check-form').addEventListener('submit', (e) => { e.preventDefault(); check($('check-code').value); });
  $('lang').addEventListener('click', () => { lang = lang === 'en' ? 'zh' : 'en'; localStorage.setItem('renkou.lang', lang); texts(); });
  if ('BarcodeDetector' in window && navigator.mediaDevices) {
    $('check-scan').hidden = false;
    $('check-scan').addEventListener('click', scan);
  }
  window.addEventListener('hashchange', () => check(location.hash.substring(1)));
  texts();
  if (location.hash.length > 1) check(location.hash.substring(1));
})();
