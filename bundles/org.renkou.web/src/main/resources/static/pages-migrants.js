// Migrants (流动人口): the list (present / departed / arrived this month, by name or ID number), registering one (the
// ID number checked as it is typed), and one registration: the stay, the certificates seen, handovers, departure,
// the notes of both sides, and what this office may change (the rights matrix, docs/api.md) with the reason.
// A core page: the menu entry "migrants" names this script. The server decides every right; the matrix only says
// in words what it would answer.
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, t, show, api, get, table, field, select, message, say, problem, failure, has, when, today, place,
    placePicker, fieldProblems } = ui;
  const WRITERS = ['ADMIN', 'DIRECTOR', 'FAMILY_SERVICES'];
  const CERTS = ['MARRIAGE_BIRTH_CERTIFICATE', 'BIRTH_SERVICE_CERTIFICATE', 'ONLY_CHILD_PARENT_CERTIFICATE', 'OTHER'];

  const TEXT = {
    zh: {
      migrants: '流动人口', 'mg.present': '在住', 'mg.departed': '已离开', 'mg.thisMonth': '本月到达', 'mg.all': '全部',
      'mg.register': '登记流动人口', PRESENT: '在住', DEPARTED: '已离开', 'mg.arrivalDate': '到达日期',
      'mg.responsible': '负责单位', 'mg.certificates': '查验的证件', 'mg.certType': '证件类型', 'mg.certNumber': '证件编号',
      'mg.seenOn': '查验日期', 'mg.addCert': '添加证件', 'mg.removeCert': '删除', 'mg.handovers': '移交记录',
      'mg.handOver': '移交', 'mg.kind': '移交类型', RESIDENCE_MOVE: '迁居（新居住地）', RESPONSIBILITY: '责任移交',
      'mg.toCode': '接收地', 'mg.fromCode': '移交方', 'mg.reason': '原因', 'mg.by': '经办人', 'mg.at': '时间',
      'mg.departure': '登记离开', 'mg.departureDate': '离开日期', 'mg.destinationCode': '去向地代码',
      'mg.destinationNote': '去向说明', 'mg.notes': '双方留言', 'mg.note': '留言', 'mg.addNote': '发送留言',
      'mg.reply': '回复', 'mg.side': '一方', 'mg.rights': '本办权限', 'mg.action': '事项', 'mg.may': '可以',
      'mg.mayNot': '不可以', 'mg.why': '原因', 'mg.read': '查看、移交记录', 'mg.changeStay': '修改到达日期和证件',
      'mg.depart': '登记离开、移交', 'mg.noteRight': '留言、回复留言', 'mg.coversResponsible': '本办辖区包括负责单位（现居住地一方）',
      'mg.registrationSide': '本办只是户籍地一方：居住信息由负责单位修改',
      'mg.noRole': '您的岗位无权修改流动人口信息', 'mg.isDeparted': '已登记离开，不能再移交或离开',
      'mg.visible': '本办是现居住地或户籍地一方',
      'mg.registrationPlace': '户籍地代码（任一省份）', 'mg.orPick': '或按名称选择',
      'mg.residencePlace': '现居住地', 'mg.saveStay': '保存居住信息', 'mg.departedOn': '离开于 {d}',
      'mg.destination': '去向', 'mg.none': '无', 'mg.pickBelow': '可在下方选择下级', 'mg.sendQuery': '向户籍地发协查',
      'mg.exchange': '相关信息交换'
    },
    en: {
      migrants: 'Migrants', 'mg.present': 'Present', 'mg.departed': 'Departed', 'mg.thisMonth': 'Arrived this month',
      'mg.all': 'All', 'mg.register': 'Register a migrant', PRESENT: 'present', DEPARTED: 'departed',
      'mg.arrivalDate': 'Arrival date', 'mg.responsible': 'Responsible office', 'mg.certificates': 'Certificates seen',
      'mg.certType': 'Certificate type', 'mg.certNumber': 'Certificate number', 'mg.seenOn': 'Seen on',
      'mg.addCert': 'Add certificate', 'mg.removeCert': 'Remove', 'mg.handovers': 'Handovers', 'mg.handOver': 'Hand over',
      'mg.kind': 'Kind', RESIDENCE_MOVE: 'moved (new residence)', RESPONSIBILITY: 'responsibility handed over',
      'mg.toCode': 'To', 'mg.fromCode': 'From', 'mg.reason': 'Reason', 'mg.by': 'By', 'mg.at': 'At',
      'mg.departure': 'Record departure', 'mg.departureDate': 'Departure date', 'mg.destinationCode': 'Destination code',
      'mg.destinationNote': 'Destination note', 'mg.notes': 'Notes of both sides', 'mg.note': 'Note',
      'mg.addNote': 'Send note', 'mg.reply': 'Reply', 'mg.side': 'Side', 'mg.rights': 'What this office may do',
      'mg.action': 'Action', 'mg.may': 'yes', 'mg.mayNot': 'no', 'mg.why': 'Why', 'mg.read': 'Read, handover history',
      'mg.changeStay': 'Change arrival date and certificates', 'mg.depart': 'Record departure, hand over',
      'mg.noteRight': 'Add and answer notes', 'mg.coversResponsible': 'your jurisdiction covers the responsible office (residence side)',
      'mg.registrationSide': 'you are the registration side only: the responsible office changes the stay',
      'mg.noRole': 'your role may not change migrant records', 'mg.isDeparted': 'departure recorded: no more handovers or departure',
      'mg.visible': 'your office is the residence or the registration side',
      'mg.registrationPlace': 'Registration place code (any province)',
      'mg.orPick': 'or pick by name', 'mg.residencePlace': 'Residence', 'mg.saveStay': 'Save stay data',
      'mg.departedOn': 'departed on {d}', 'mg.destination': 'Destination', 'mg.none': 'none',
      'mg.pickBelow': 'pick a unit below if needed', 'mg.sendQuery': 'Send a query to the registration place',
      'mg.exchange': 'Exchange messages about this person'
    }
  };
  for (const c of CERTS) {
    TEXT.zh[c] = { MARRIAGE_BIRTH_CERTIFICATE: '流动人口婚育证明', BIRTH_SERVICE_CERTIFICATE: '生育服务证',
      ONLY_CHILD_PARENT_CERTIFICATE: '独生子女父母光荣证', OTHER: '其他证件' }[c];
    TEXT.en[c] = { MARRIAGE_BIRTH_CERTIFICATE: 'migrant marriage and birth certificate',
      BIRTH_SERVICE_CERTIFICATE: 'birth service certificate', ONLY_CHILD_PARENT_CERTIFICATE: "only-child parents' certificate",
      OTHER: 'other certificate' }[c];
  }
  const fmt = ui.fmt;

  // ---- the list ---------------------------------------------------------------------------------------------
  async function migrants(_arg, query) {
    const view = query.get('view') || 'present';
    const out = el('div', { id: 'migrant-list' });
    const tabs = el('div', { class: 'tabs', id: 'migrant-tabs' }, ['present', 'thisMonth', 'departed', 'all'].map(v => {
      const q = new URLSearchParams(query); q.set('view', v);
      return el('a', { href: '#/migrants?' + q, id: 'migrants-' + v, class: v === view ? 'active' : null }, t('mg.' + v));
    }));
    const form = el('form', { class: 'inline', id: 'migrant-search' },
      field('name', query.get('name'), { id: 'migrant-search-name' }),
      field('idNumber', query.get('idNumber'), { id: 'migrant-search-id' }),
      el('button', { type: 'submit', class: 'primary' }, t('search')));
    form.addEventListener('submit', e => {
      e.preventDefault();
      const f = new FormData(form);
      location.hash = '#/migrants?' + new URLSearchParams({ view: view, name: f.get('name'), idNumber: f.get('idNumber') });
    });
    show(el('h2', {}, t('migrants')), el('div', { class: 'toolbar' }, form,
      has(...WRITERS) ? el('a', { href: '#/migrant-new', class: 'button primary', id: 'migrant-new' }, t('mg.register')) : null),
    tabs, out);
    const p = new URLSearchParams();
    if (query.get('name')) p.set('name', query.get('name'));
    if (query.get('idNumber')) p.set('idNumber', query.get('idNumber').trim().toUpperCase());
    if (view === 'present' || view === 'thisMonth') p.set('status', 'PRESENT');
    if (view === 'departed') p.set('status', 'DEPARTED');
    // newest arrival first: "arrived this month" is the head of the present list down to the month's first day
    p.set('limit', view === 'thisMonth' ? '500' : '50');
    const res = await get('/api/migrants?' + p);
    if (!res.ok) { out.replaceChildren(failure(res)); return; }
    let rows = res.data.items;
    let total = res.data.total;
    if (view === 'thisMonth') {
      const first = today().substring(0, 8) + '01';
      rows = rows.filter(m => m.arrivalDate >= first);
      total = rows.length;
    }
    out.replaceChildren(el('p', { class: 'muted' }, t('total') + ' ' + total + ' ' + t('rows')), table([
      ['name', m => m.name], ['idNumber', m => m.idNumber], ['sex', m => t(m.sex)],
      ['registrationCode', m => place(m.registrationCode)], ['residenceCode', m => place(m.residenceCode)],
      ['mg.responsible', m => place(m.responsibleCode)], ['mg.arrivalDate', m => m.arrivalDate],
      ['status', m => el('span', { class: 'badge ' + m.status }, t(m.status))]],
    rows, m => { location.hash = '#/migrant/' + m.id; }));
  }

  /** The certificate rows of a form: inputs named certificates[i].type|number|seenOn, as the server names them. */
  function certificateRows(initial) {
    const body = el('tbody', { id: 'cert-rows' });
    function add(c) {
      const i = body.children.length;
      body.append(el('tr', {},
        el('td', {}, el('select', { name: 'certificates[' + i + '].type', class: 'cert-type' },
          CERTS.map(k => el('option', { value: k, selected: c && c.type === k }, t(k))))),
        el('td', {}, el('input', { name: 'certificates[' + i + '].number', class: 'cert-number', maxlength: 40,
          value: c ? c.number : '' })),
        el('td', {}, el('input', { name: 'certificates[' + i + '].seenOn', class: 'cert-seen', type: 'date',
          value: c ? c.seenOn : today() })),
        el('td', {}, el('button', { type: 'button', onclick: (e) => { e.target.closest('tr').remove(); renumber(); } },
          t('mg.removeCert')))));
    }
    function renumber() {
      [...body.children].forEach((tr, i) => tr.querySelectorAll('[name]').forEach(x => {
        x.name = x.name.replace(/\[\d+\]/, '[' + i + ']');
      }));
    }
    (initial || []).forEach(add);
    const box = el('div', { class: 'certs' }, el('table', {}, el('thead', {}, el('tr', {},
      el('th', {}, t('mg.certType')), el('th', {}, t('mg.certNumber')), el('th', {}, t('mg.seenOn')), el('th', {}))), body),
    el('button', { type: 'button', id: 'cert-add', onclick: () => add(null) }, t('mg.addCert')));
    box.read = () => [...body.children].map(tr => ({ type: tr.querySelector('.cert-type').value,
      number: tr.querySelector('.cert-number').value, seenOn: tr.querySelector('.cert-seen').value || null }));
    return box;
  }

  // ---- register ---------------------------------------------------------------------------------------------
  function migrantNew() {
    const msg = message();
    const residence = ui.residencePicker('', 'mg.residencePlace', 'mg.pickBelow');
    const regInput = el('input', { name: 'registrationCode', id: 'migrant-registration', maxlength: 15,
      placeholder: '530102' });
    const regName = el('span', { id: 'registration-name', class: 'muted' }, '\u00a0'); // keeps the layout when the name comes
    regInput.addEventListener('change', () => regName.replaceChildren(regInput.value.trim() ? place(regInput.value.trim()) : '\u00a0'));
    const regPicker = placePicker('registration-pick', code => { regInput.value = code; regName.replaceChildren(place(code)); });
    const certs = certificateRows([]);
    const form = el('form', { class: 'box wide', id: 'migrant-form' }, el('h2', {}, t('mg.register')),
      el('p', {}, ui.idField('migrant-id')),
      el('p', {}, field('name', '', { id: 'migrant-name', maxlength: 50 })),
      el('p', {}, field('phone', '', { id: 'migrant-phone', maxlength: 20 })),
      residence.row,
      el('p', {}, el('label', {}, t('mg.registrationPlace'), regInput, regName), ' ',
        el('span', { class: 'muted' }, t('mg.orPick')), regPicker),
      el('p', {}, field('mg.arrivalDate', today(), { id: 'migrant-arrival', type: 'date', name: 'arrivalDate' })),
      el('h3', {}, t('mg.certificates')), certs,
      el('p', {}, el('button', { type: 'submit', class: 'primary', id: 'migrant-save' }, t('save'))), msg);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      fieldProblems(form, msg, null);
      const f = new FormData(form);
      const res = await api('POST', '/api/migrants', { idNumber: f.get('idNumber').trim().toUpperCase(),
        name: f.get('name'), phone: f.get('phone') || null, residenceCode: residence.code(),
        registrationCode: f.get('registrationCode').trim(), arrivalDate: f.get('arrivalDate') || null,
        certificates: certs.read() });
      if (res.ok) location.hash = '#/migrant/' + res.data.id; else fieldProblems(form, msg, res);
    });
    show(form, el('a', { href: '#/migrants' }, t('backToList')));
  }

  // ---- one registration -------------------------------------------------------------------------------------
  /** What this office may do with the record, and why (docs/api.md, "Rights matrix"). */
  function rights(m) {
    const writer = has(...WRITERS);
    const responsible = !!m.editable;
    const departed = m.status === 'DEPARTED';
    const stayWhy = !responsible ? t('mg.registrationSide') : !writer ? t('mg.noRole') : t('mg.coversResponsible');
    const rows = [
      ['mg.read', true, t('mg.visible')],
      ['mg.changeStay', responsible && writer, stayWhy],
      ['mg.depart', responsible && writer && !departed, departed && responsible ? t('mg.isDeparted') : stayWhy],
      ['mg.noteRight', writer, writer ? t('mg.visible') : t('mg.noRole')]];
    return el('table', { id: 'migrant-rights' }, el('thead', {}, el('tr', {}, el('th', {}, t('mg.action')),
      el('th', {}, t('mg.rights')), el('th', {}, t('mg.why')))),
    el('tbody', {}, rows.map(([k, ok, why]) => el('tr', { 'data-action': k },
      el('td', {}, t(k)), el('td', {}, el('span', { class: 'badge ' + (ok ? 'yes' : 'no') }, t(ok ? 'mg.may' : 'mg.mayNot'))),
      el('td', {}, why)))));
  }

  function notesThread(m, reload) {
    const replies = new Map();
    m.notes.forEach(n => { if (n.replyTo) { if (!replies.has(n.replyTo)) replies.set(n.replyTo, []); replies.get(n.replyTo).push(n); } });
    const item = (n, reply) => {
      const li = el('li', { class: reply ? 'reply' : null, 'data-note': n.id },
        el('p', {}, el('strong', {}, n.by), ' · ', place(n.side), ' · ', el('span', { class: 'muted' }, when(n.at))),
        el('p', {}, n.text));
      if (!reply && has(...WRITERS)) {
        const box = el('input', { class: 'reply-text', maxlength: 1000, name: 'text' });
        const msg = message();
        const f = el('form', { class: 'inline reply-form' }, box,
          el('button', { type: 'submit' }, t('mg.reply')), msg);
        f.addEventListener('submit', async e => {
          e.preventDefault();
          const r = await api('POST', '/api/migrants/' + m.id + '/notes', { text: box.value, replyTo: n.id });
          if (r.ok) reload(); else fieldProblems(f, msg, r);
        });
        li.append(f);
      }
      return [li, ...(replies.get(n.id) || []).flatMap(x => item(x, true))];
    };
    const list = el('ol', { class: 'thread', id: 'migrant-notes' }, m.notes.filter(n => !n.replyTo).flatMap(n => item(n, false)));
    if (!has(...WRITERS)) return [list];
    const text = el('textarea', { name: 'text', id: 'note-text', maxlength: 1000, rows: 2 });
    const msg = message();
    const form = el('form', { class: 'inline', id: 'note-form' }, el('label', {}, t('mg.note'), text),
      el('button', { type: 'submit', class: 'primary', id: 'note-send' }, t('mg.addNote')), msg);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const r = await api('POST', '/api/migrants/' + m.id + '/notes', { text: text.value });
      if (r.ok) reload(); else fieldProblems(form, msg, r);
    });
    return [list, form];
  }

  async function migrant(id) {
    const res = await get('/api/migrants/' + encodeURIComponent(id));
    if (!res.ok) { show(failure(res)); return; }
    const m = res.data;
    const reload = () => migrant(id);
    const canChange = m.editable && has(...WRITERS);
    const present = m.status === 'PRESENT';

    // the stay: arrival and certificates (responsible office only)
    const certs = certificateRows(m.certificates);
    const stayMsg = message();
    const stay = el('form', { class: 'box wide', id: 'stay-form' }, el('h3', {}, t('mg.certificates')),
      canChange ? [el('p', {}, field('mg.arrivalDate', m.arrivalDate, { name: 'arrivalDate', type: 'date', id: 'stay-arrival' })),
        certs, el('p', {}, el('button', { type: 'submit', class: 'primary', id: 'stay-save' }, t('mg.saveStay'))), stayMsg]
        : table([['mg.certType', c => t(c.type)], ['mg.certNumber', c => c.number], ['mg.seenOn', c => c.seenOn]], m.certificates));
    stay.addEventListener('submit', async e => {
      e.preventDefault();
      const r = await api('PUT', '/api/migrants/' + m.id, { arrivalDate: new FormData(stay).get('arrivalDate') || null,
        certificates: certs.read(), version: m.version });
      if (r.ok) { reload(); } else if (r.status === 409 && /版本|version/.test((r.data || {}).detail || '')) say(stayMsg, t('conflict'));
      else fieldProblems(stay, stayMsg, r);
    });

    // handovers
    let handTo = '';
    const handMsg = message();
    const handForm = canChange && present ? el('form', { class: 'inline', id: 'handover-form' },
      select('mg.kind', [['RESIDENCE_MOVE', t('RESIDENCE_MOVE')], ['RESPONSIBILITY', t('RESPONSIBILITY')]], 'RESPONSIBILITY',
        { name: 'kind', id: 'handover-kind' }),
      el('label', {}, t('mg.toCode'), el('input', { type: 'hidden', name: 'toCode' }), placePicker('handover-to', c => { handTo = c; })),
      field('mg.reason', '', { name: 'reason', id: 'handover-reason', maxlength: 200 }),
      el('button', { type: 'submit', id: 'handover-send' }, t('mg.handOver')), handMsg) : null;
    if (handForm) {
      handForm.addEventListener('submit', async e => {
        e.preventDefault();
        const f = new FormData(handForm);
        const r = await api('POST', '/api/migrants/' + m.id + '/handovers', { kind: f.get('kind'), toCode: handTo,
          reason: f.get('reason'), version: m.version });
        if (r.ok) reload(); else fieldProblems(handForm, handMsg, r);
      });
    }

    // departure
    const depMsg = message();
    const depCode = el('input', { name: 'destinationCode', id: 'departure-code', maxlength: 15 });
    const depForm = canChange && present ? el('form', { class: 'inline', id: 'departure-form' },
      field('mg.departureDate', today(), { name: 'departureDate', type: 'date', id: 'departure-date' }),
      el('label', {}, t('mg.destinationCode'), depCode),
      placePicker('departure-pick', c => { depCode.value = c; }),
      field('mg.destinationNote', '', { name: 'destinationNote', id: 'departure-note', maxlength: 200 }),
      el('button', { type: 'submit', id: 'departure-send' }, t('mg.departure')), depMsg) : null;
    if (depForm) {
      depForm.addEventListener('submit', async e => {
        e.preventDefault();
        const f = new FormData(depForm);
        const r = await api('POST', '/api/migrants/' + m.id + '/departure', { departureDate: f.get('departureDate') || null,
          destinationCode: f.get('destinationCode').trim() || null, destinationNote: f.get('destinationNote') || null,
          version: m.version });
        if (r.ok) reload(); else fieldProblems(depForm, depMsg, r);
      });
    }

    show(el('h2', { id: 'migrant-title' }, m.name + '　', el('span', { class: 'badge ' + m.status, id: 'migrant-status' }, t(m.status))),
      el('dl', { class: 'facts', id: 'migrant-facts' },
        el('dt', {}, t('idNumber')), el('dd', {}, m.idNumber),
        el('dt', {}, t('sex')), el('dd', {}, t(m.sex) + '　' + (m.birthDate || '')),
        el('dt', {}, t('phone')), el('dd', {}, m.phone || ''),
        el('dt', {}, t('registrationCode')), el('dd', { id: 'migrant-registration-place' }, place(m.registrationCode)),
        el('dt', {}, t('residenceCode')), el('dd', { id: 'migrant-residence' }, place(m.residenceCode)),
        el('dt', {}, t('mg.responsible')), el('dd', { id: 'migrant-responsible' }, place(m.responsibleCode)),
        el('dt', {}, t('mg.arrivalDate')), el('dd', {}, m.arrivalDate),
        m.departureDate ? [el('dt', {}, t('mg.destination')), el('dd', { id: 'migrant-departure' },
          fmt('mg.departedOn', { d: m.departureDate }), '　', m.destinationCode ? place(m.destinationCode) : '',
          m.destinationNote ? '　' + m.destinationNote : '')] : null),
      el('p', { class: 'toolbar' },
        el('a', { href: '#/resident/' + m.residentId }, t('residents')),
        el('a', { href: '#/exchange?migrant=' + m.id, id: 'migrant-exchange' }, t('mg.exchange')),
        canChange ? el('a', { href: '#/exchange-new?migrant=' + m.id + '&to=' + encodeURIComponent(m.registrationCode),
          id: 'migrant-query' }, t('mg.sendQuery')) : null),
      el('h3', {}, t('mg.rights')), rights(m),
      stay,
      el('h3', {}, t('mg.handovers')),
      table([['mg.kind', h => t(h.kind)], ['mg.fromCode', h => place(h.fromCode)], ['mg.toCode', h => place(h.toCode)],
        ['mg.by', h => h.by], ['mg.at', h => when(h.at)], ['mg.reason', h => h.reason || '']], m.handovers || []),
      handForm,
      depForm ? [el('h3', {}, t('mg.departure')), depForm] : null,
      el('h3', {}, t('mg.notes')), notesThread(m, reload),
      el('p', {}, el('a', { href: '#/migrants' }, t('backToList'))));
  }

  ui.register(null, { routes: { migrants: migrants, 'migrant-new': migrantNew, migrant: migrant }, text: TEXT });
})();
