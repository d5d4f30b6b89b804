// Residents (居民) and households (户): search, a resident's page (edit with the version check, the health note
// behind a reason that is audited, links to issue a certificate or apply for a benefit), households with their
// members. A core page: the menu entries "residents" and "households" name this script; it registers its routes
// with the shell's helpers (window.Renkou).
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, t, show, api, get, table, field, message, say, problem, failure, pager } = ui;

  async function residents(_id, query) {
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
      ['residenceCode', r => ui.place(r.residenceCode)], ['status', r => t(r.status)]], rows, r => { location.hash = '#/resident/' + r.id; })));
  }

  async function resident(id) {
    const res = await get('/api/residents/' + id);
    if (!res.ok) { show(failure(res)); return; }
    const r = res.data;
    const msg = message();
    const editable = ['name', 'phone', 'address'];
    const form = el('form', { class: 'box', id: 'resident-form' }, el('h2', {}, r.name),
      el('p', {}, t('idNumber') + '：' + r.idNumber), el('p', {}, t('residenceCode') + '：', ui.place(r.residenceCode),
        '　' + t('registrationCode') + '：', ui.place(r.registrationCode)),
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
    // the resident's own work: a certificate, a benefit application (pages-certificates.js, pages-benefits.js)
    show(form, el('p', { class: 'toolbar', id: 'resident-actions' },
      el('a', { href: '#/certificate-new?holder=' + id, id: 'resident-issue' }, t('issueCertificate')),
      el('a', { href: '#/benefit-new?applicant=' + id, id: 'resident-apply' }, t('newApplication')),
      el('a', { href: '#/policy?resident=' + id, id: 'resident-policy' }, t('policy'))), sensitive);
  }

  async function households(_id, query) {
    const out = el('div');
    const form = el('form', { class: 'inline' }, field('number', query.get('number')),
      el('button', { type: 'submit', class: 'primary' }, t('search')));
    form.addEventListener('submit', (e) => { e.preventDefault();
      location.hash = '#/households?' + new URLSearchParams({ number: new FormData(form).get('number') }); });
    show(el('h2', {}, t('households')), form, out);
    const q = query.get('number') ? '?number=' + encodeURIComponent(query.get('number')) : '';
    out.replaceChildren(...await pager('/api/households' + q, rows => table([
      ['number', h => h.number], ['residenceCode', h => ui.place(h.residenceCode)], ['address', h => h.address],
      ['members', h => h.members.map(m => m.name + '（' + m.relation + '）').join('、')]], rows)));
  }

  ui.register(null, { routes: { residents: residents, resident: resident, households: households } });
})();
