// The page of module "${moduleId}" (${moduleNameZh}), served by the module itself at /ui/modules/${moduleId}/ and
// loaded by the shell while its menu entry is listed. Built only with the shell's helpers (window.Renkou): data
// reaches the page as text nodes (el), writes carry the CSRF header (api), words come from t().
(function () {
  'use strict';
  const R = window.Renkou;
  if (!R) return;
  const { el, t, api, get, show, table, message, say, problem, failure } = R;
  const API = '/api/${moduleId}/items';

  async function page() {
    const res = await get(API);
    if (!res.ok) { show(el('h2', {}, t('m.title')), failure(res)); return; }
    const msg = message();
    const form = el('form', { id: 'm-add' },
      el('label', {}, t('m.text'), el('input', { name: 'text', maxlength: 200 })),
      el('label', {}, t('m.jurisdiction'), el('input', { name: 'jurisdictionCode', maxlength: 12 })),
      el('button', { type: 'submit' }, t('m.add')));
    form.onsubmit = async (e) => {
      e.preventDefault();
      const data = new FormData(form);
      const r = await api('POST', API, { text: data.get('text'), jurisdictionCode: data.get('jurisdictionCode') });
      if (r.ok) await page(); else say(msg, problem(r));
    };
    show(el('h2', {}, t('m.title')), msg, form,
      table([['m.text', i => i.text], ['m.jurisdiction', i => i.jurisdictionCode], ['m.by', i => i.createdBy]], res.data));
  }

  R.register('${moduleId}', {
    routes: { '${moduleId}': page },
    text: {
      zh: { 'm.title': '${moduleNameZh}', 'm.text': '内容', 'm.jurisdiction': '辖区代码', 'm.by': '登记人', 'm.add': '登记' },
      en: { 'm.title': '${moduleNameEn}', 'm.text': 'Text', 'm.jurisdiction': 'Jurisdiction code', 'm.by': 'Added by', 'm.add': 'Add' }
    }
  });
})();
