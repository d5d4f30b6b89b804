// Residents (居民) and households (户): search, registration (the ID number checked as typed), a resident's page
// (edit with the version check; the health note and the special-family facts behind a reason that is audited; links
// to issue a certificate or apply for a benefit), households with their members (new, add, remove, relation). A core page: the menu entries "residents" and "households" name this script; it registers its routes
// with the shell's helpers (window.Renkou).
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, t, show, api, get, table, field, select, message, say, problem, failure, pager } = ui;

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
    show(el('h2', {}, t('residents')), el('p', { class: 'toolbar' },
      el('a', { href: '#/resident-new', id: 'resident-new-link' }, t('rs.register'))), form, out);
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
    const editable = ['name', 'phone', 'address', 'hukouNature'];
    const form = el('form', { class: 'box', id: 'resident-form' }, el('h2', {}, r.name),
      el('p', {}, t('idNumber') + '：' + r.idNumber), el('p', {}, t('residenceCode') + '：', ui.place(r.residenceCode),
        '　' + t('registrationCode') + '：', ui.place(r.registrationCode)),
      ['name', 'phone', 'address'].map(k => el('p', {}, field(k, r[k], { id: 'resident-' + k }))),
      // marital status changes through marriage registrations (婚姻登记), not here
      el('p', { id: 'resident-maritalStatus' }, t('maritalStatus') + '：' + (r.maritalStatus ? t('rs.' + r.maritalStatus) : '')),
      el('p', {}, hukouSelect(r.hukouNature, 'resident-hukouNature')),
      el('button', { type: 'submit', class: 'primary', id: 'resident-save' }, t('save')), ' ',
      el('button', { type: 'button', onclick: () => resident(id) }, t('reload')), msg);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = new FormData(form);
      const body = Object.assign({}, r);
      // not sent = kept: the sensitive fields are only changed in their own box, after the audited reveal
      delete body.healthNote; delete body.vitalStatus; delete body.disabilityGrade; delete body.diedOn;
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
        if (!s.ok) { say(smsg, problem(s)); return; }
        note.textContent = s.data.healthNote || t('empty');
        facts.replaceChildren(vitalFacts(id, r, s.data));
      } }, t('reveal')), smsg);
    const facts = el('div', { id: 'vital-facts' });
    sensitive.append(facts);
    // the resident's own work: a certificate, a benefit application (pages-certificates.js, pages-benefits.js)
    const records = el('div', { class: 'box', id: 'resident-records' }, el('h2', {}, t('rs.records')));
    show(form, el('p', { class: 'toolbar', id: 'resident-actions' },
      el('a', { href: '#/certificate-new?holder=' + id, id: 'resident-issue' }, t('issueCertificate')),
      el('a', { href: '#/benefit-new?applicant=' + id, id: 'resident-apply' }, t('newApplication')),
      el('a', { href: '#/policy?resident=' + id, id: 'resident-policy' }, t('policy')),
      ui.moduleOn('warehouse') ? el('a', { href: '#/wh-card/' + id, id: 'resident-wh-card' }, t('rs.whCard')) : null),
    records, el('div', { id: 'resident-panels' }, ui.slot('resident', id)), sensitive);
    records.append(...await residentRecords(id, r));
  }

  /**
   * Everything recorded about a resident, each part as the server answers it for this caller (a part the role may
   * not read says so): household, marriages, births, certificates, applications, migrant stays, history.
   */
  async function residentRecords(id, r) {
    const q = (path) => get(path).then(res => (res.ok ? (res.data.items || res.data) : null));
    const [marriages, births, certificates, applications, migrants, history, household] = await Promise.all([
      q('/api/marriages?resident=' + id), q('/api/births?resident=' + id), q('/api/certificates?holder=' + id),
      q('/api/benefit-applications?applicant=' + id),
      r.idNumber && !r.idNumber.includes('*') ? q('/api/migrants?idNumber=' + encodeURIComponent(r.idNumber)) : [],
      // the history is the audit log's: asked only by roles that read it (a refusal would itself be audited)
      ui.has('AUDITOR', 'DIRECTOR', 'ADMIN') ? q('/api/residents/' + id + '/history') : null, r.householdId ? q('/api/households/' + r.householdId) : null]);
    const names = await ui.residentNames([...(marriages || []).flatMap(m => [m.partyAId, m.partyBId]),
      ...(births || []).flatMap(b => [b.motherId, b.fatherId, b.childId])].filter(x => x && x !== +id));
    const person = (rid) => (rid && rid !== +id ? ui.residentLink(rid, names) : '');
    const part = (key, rows, render) => [el('h3', {}, t(key)), rows === null ? el('p', { class: 'muted' }, t('rs.notForRole'))
      : render(rows)];
    return [
      ...part('household', r.householdId ? household : [], h => (h && h.id
        ? el('p', { id: 'resident-household' }, el('a', { href: '#/household/' + h.id }, h.number), '　',
          h.members.map(m => m.name + '（' + t('rs.' + m.relation) + '）').join('、'))
        : el('p', { class: 'muted', id: 'resident-household' }, t('rs.noHousehold')))),
      ...part('marriages', marriages, rows => table([['marriageDate', m => m.marriageDate],
        ['rs.spouse', m => person(m.partyAId === +id ? m.partyBId : m.partyAId)], ['status', m => t(m.status)]], rows)),
      ...part('births', births, rows => table([['rs.bornOn', b => b.childBirthDate], ['child', b => person(b.childId) || b.childName],
        ['mother', b => person(b.motherId)], ['father', b => person(b.fatherId)], ['birthOrder', b => b.birthOrder]], rows)),
      ...part('certificates', certificates, rows => table([['type', c => (ui.lang() === 'en' ? c.typeNameEn : c.typeNameZh)],
        ['certNumber', c => c.number], ['status', c => t(c.status)], ['issuedOn', c => c.issuedOn]], rows,
        c => { location.hash = '#/certificate/' + c.id; })),
      ...part('benefits', applications, rows => table([['scheme', a => (ui.lang() === 'en' ? a.schemeNameEn : a.schemeNameZh)],
        ['status', a => t(a.status)], ['appliedOn', a => a.appliedOn]], rows, a => { location.hash = '#/benefit/' + a.id; })),
      ...part('rs.migrantStays', migrants, rows => table([['rs.arrivedOn', m => m.arrivalDate],
        ['residenceCode', m => ui.place(m.residenceCode)], ['status', m => t('rs.stay' + m.status)]], rows,
        m => { location.hash = '#/migrant/' + m.id; })),
      ...part('history', history, rows => table([['at', e => ui.when(e.at)], ['actor', e => e.actor], ['action', e => t('rs.act' + e.action)],
        ['changes', e => (e.action === 'READ_SENSITIVE' ? t('masked') : (e.changes || ''))]], rows.slice(0, 20)))];
  }

  const maritalSelect = (v, id) => select('maritalStatus', ['UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED']
    .map(k => [k, t('rs.' + k)]), v || 'UNMARRIED', { id: id });
  const hukouSelect = (v, id) => select('hukouNature', [['', t('rs.notRecorded')], ['RURAL', t('rs.RURAL')],
    ['URBAN', t('rs.URBAN')]], v || '', { id: id });

  /**
   * 伤残/死亡 (special families): shown only after the audited reveal, changed here with the health note; a
   * resident's ordinary save never sends them (null keeps what is recorded).
   */
  function vitalFacts(id, r, sensitive) {
    const msg = message();
    const status = select('vitalStatus', ['LIVING', 'DISABLED', 'DECEASED'].map(k => [k, t('rs.' + k)]),
      sensitive.vitalStatus || 'LIVING', { id: 'vital-status' });
    const grade = field('rs.disabilityGrade', sensitive.disabilityGrade,
      { id: 'vital-grade', name: 'disabilityGrade', type: 'number' });
    const died = field('rs.diedOn', sensitive.diedOn, { id: 'vital-died', name: 'diedOn', type: 'date', max: ui.today() });
    const note = field('healthNote', sensitive.healthNote, { id: 'vital-note', name: 'healthNote' });
    const form = el('form', { id: 'vital-form' }, el('h3', {}, t('rs.vitalFacts')),
      el('p', { class: 'muted' }, t('rs.vitalHint')), el('p', {}, status), el('p', {}, grade), el('p', {}, died),
      el('p', {}, note), el('button', { type: 'submit', id: 'vital-save' }, t('save')), msg);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      ui.fieldProblems(form, msg, null);
      const f = new FormData(form);
      const body = Object.assign({}, r, { vitalStatus: f.get('vitalStatus'),
        disabilityGrade: f.get('disabilityGrade') ? +f.get('disabilityGrade') : null,
        diedOn: f.get('diedOn') || null, healthNote: f.get('healthNote') });
      const put = await api('PUT', '/api/residents/' + id, body);
      if (put.ok) { Object.assign(r, put.data); say(msg, t('saved'), true); } else ui.fieldProblems(form, msg, put);
    });
    return form;
  }

  /** 居民登记: a new resident in the caller's jurisdiction; sex and birth date come from the ID number. */
  function residentNew() {
    const msg = message();
    const residence = ui.residencePicker('new-', 'residenceCode', 'rs.pickBelow');
    const registration = el('input', { name: 'registrationCode', id: 'new-registration', maxlength: 15 });
    const form = el('form', { class: 'box wide', id: 'resident-new-form' }, el('h2', {}, t('rs.register')),
      el('p', {}, ui.idField('new-idNumber')),
      el('p', {}, field('name', '', { id: 'new-name', maxlength: 50 })),
      residence.row,
      el('p', {}, el('label', {}, t('registrationCode'), registration), ' ',
        el('span', { class: 'muted' }, t('rs.sameAsResidence'))),
      el('p', {}, select('status', ['REGISTERED', 'RESIDENT', 'MIGRANT'].map(k => [k, t(k)]), 'REGISTERED',
        { id: 'new-status' })),
      el('p', {}, maritalSelect('UNMARRIED', 'new-maritalStatus')),
      el('p', {}, hukouSelect('', 'new-hukouNature')),
      el('p', {}, field('phone', '', { id: 'new-phone', maxlength: 20 })),
      el('p', {}, field('address', '', { id: 'new-address', maxlength: 200 })),
      el('button', { type: 'submit', class: 'primary', id: 'resident-new-save' }, t('save')), msg);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      ui.fieldProblems(form, msg, null);
      const f = new FormData(form);
      const res = await api('POST', '/api/residents', { idNumber: f.get('idNumber').trim().toUpperCase(),
        name: f.get('name'), residenceCode: residence.code(),
        registrationCode: f.get('registrationCode').trim() || residence.code(), status: f.get('status'),
        maritalStatus: f.get('maritalStatus'), hukouNature: f.get('hukouNature') || null,
        phone: f.get('phone') || null, address: f.get('address') || null });
      if (res.ok) location.hash = '#/resident/' + res.data.id; else ui.fieldProblems(form, msg, res);
    });
    show(form, el('a', { href: '#/residents' }, t('backToList')));
  }

  const RELATIONS = ['HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'GRANDPARENT', 'SIBLING', 'OTHER'];

  /** One household (户): number, address, members with their relation to the head; new when id is absent. */
  async function household(id) {
    let h = { number: '', residenceCode: (ui.me().jurisdictionCodes || [])[0] || '', address: '', members: [] };
    if (id) {
      const res = await get('/api/households/' + id);
      if (!res.ok) { show(failure(res)); return; }
      h = res.data;
    }
    const msg = message();
    const rows = el('tbody', { id: 'household-members' });
    const members = h.members.map(m => ({ residentId: m.residentId, name: m.name, idNumber: m.idNumber, relation: m.relation }));
    function render() {
      rows.replaceChildren(...members.map((m, i) => el('tr', { 'data-resident': m.residentId },
        el('td', {}, el('a', { href: '#/resident/' + m.residentId }, m.name)), el('td', {}, m.idNumber),
        el('td', {}, el('select', { name: 'members[' + i + '].relation', class: 'relation', onchange: (e) => { m.relation = e.target.value; } },
          RELATIONS.map(r => el('option', { value: r, selected: r === m.relation }, t('rs.' + r))))),
        el('td', {}, el('button', { type: 'button', class: 'remove-member', onclick: () => { members.splice(i, 1); render(); } }, t('remove'))))));
    }
    render();
    let picked = [];
    const picker = ui.residentPicker('member-pick', true, chosen => { picked = chosen; });
    const add = el('button', { type: 'button', id: 'member-add', onclick: () => {
      picked.filter(p => !members.some(m => m.residentId === p.id)).forEach(p => members.push({ residentId: p.id,
        name: p.name, idNumber: p.idNumber, relation: members.length ? 'CHILD' : 'HEAD' }));
      render();
    } }, t('rs.addMembers'));
    const form = el('form', { class: 'box wide', id: 'household-form' },
      el('h2', {}, id ? t('household') + ' ' + h.number : t('rs.newHousehold')),
      el('p', {}, field('number', h.number, { id: 'household-number', maxlength: 30 })),
      el('p', {}, t('residenceCode') + '：', ui.place(h.residenceCode)),
      el('p', {}, field('address', h.address, { id: 'household-address', maxlength: 200 })),
      el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, t('name')), el('th', {}, t('idNumber')),
        el('th', {}, t('relation')), el('th', {}))), rows),
      el('h3', {}, t('rs.addMembers')), picker, el('p', {}, add),
      el('button', { type: 'submit', class: 'primary', id: 'household-save' }, t('save')), msg);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      ui.fieldProblems(form, msg, null);
      const f = new FormData(form);
      const body = { number: f.get('number').trim(), address: f.get('address') || null, residenceCode: h.residenceCode,
        members: members.map(m => ({ residentId: m.residentId, relation: m.relation })), version: h.version };
      // a new household lives where its head lives
      if (!id && members.length) {
        const head = members.find(m => m.relation === 'HEAD') || members[0];
        const r = await get('/api/residents/' + head.residentId);
        if (r.ok) body.residenceCode = r.data.residenceCode;
      }
      const res = id ? await api('PUT', '/api/households/' + id, body) : await api('POST', '/api/households', body);
      if (!res.ok) { ui.fieldProblems(form, msg, res); return; }
      if (!id) { location.hash = '#/household/' + res.data.id; return; }
      h = res.data;
      say(msg, t('saved'), true);
    });
    show(form, el('a', { href: '#/households' }, t('backToList')));
  }

  async function households(_id, query) {
    const out = el('div');
    const form = el('form', { class: 'inline' }, field('number', query.get('number')),
      el('button', { type: 'submit', class: 'primary' }, t('search')));
    form.addEventListener('submit', (e) => { e.preventDefault();
      location.hash = '#/households?' + new URLSearchParams({ number: new FormData(form).get('number') }); });
    show(el('h2', {}, t('households')), el('p', { class: 'toolbar' },
      el('a', { href: '#/household-new', id: 'household-new-link' }, t('rs.newHousehold'))), form, out);
    const q = query.get('number') ? '?number=' + encodeURIComponent(query.get('number')) : '';
    out.replaceChildren(...await pager('/api/households' + q, rows => table([
      ['number', h => h.number], ['residenceCode', h => ui.place(h.residenceCode)], ['address', h => h.address],
      ['members', h => h.members.map(m => m.name + '（' + t('rs.' + m.relation) + '）').join('、')]], rows,
      h => { location.hash = '#/household/' + h.id; })));
  }

  ui.register(null, {
    routes: { residents: residents, resident: resident, 'resident-new': residentNew, households: households,
      household: household, 'household-new': () => household(null) },
    text: {
      zh: { 'rs.register': '登记居民', 'rs.pickBelow': '可在下方选择下级', 'rs.sameAsResidence': '留空则与现居住地相同',
        'rs.UNMARRIED': '未婚', 'rs.MARRIED': '已婚', 'rs.DIVORCED': '离婚', 'rs.WIDOWED': '丧偶',
        hukouNature: '户口性质', 'rs.notRecorded': '（未登记）', 'rs.RURAL': '农村（农业户口）', 'rs.URBAN': '城镇（非农业户口）',
        vitalStatus: '健在/伤残/死亡', 'rs.LIVING': '健在', 'rs.DISABLED': '伤残', 'rs.DECEASED': '死亡',
        'rs.disabilityGrade': '残疾等级（1–4 级，以残疾证为准）', 'rs.diedOn': '死亡日期',
        'rs.vitalFacts': '特殊家庭认定信息（敏感）',
        'rs.vitalHint': '用于特别扶助等项目的资格认定；只有有权限的人员可见，每次查看都记入审计。',
        'rs.newHousehold': '新建户', 'rs.addMembers': '添加成员',
        'rs.HEAD': '户主', 'rs.SPOUSE': '配偶', 'rs.CHILD': '子女', 'rs.PARENT': '父母', 'rs.GRANDCHILD': '孙子女',
        'rs.GRANDPARENT': '祖父母', 'rs.SIBLING': '兄弟姐妹', 'rs.OTHER': '其他',
        'rs.records': '相关记录', 'rs.notForRole': '（本岗位不能查看）', 'rs.noHousehold': '尚未入户', 'rs.spouse': '配偶',
        'rs.bornOn': '出生日期', 'rs.migrantStays': '流动人口登记', 'rs.arrivedOn': '到达日期', 'rs.stayPRESENT': '在住',
        'rs.stayDEPARTED': '已离开', 'rs.whCard': '避孕药具卡（一人一卡）', 'rs.actCREATE': '登记', 'rs.actUPDATE': '修改',
        'rs.actDELETE': '删除', 'rs.actREAD_SENSITIVE': '查看敏感信息', 'rs.actDENIED': '拒绝访问', 'rs.actIMPORT': '导入' },
      en: { 'rs.register': 'Register a resident', 'rs.pickBelow': 'or pick a lower level below',
        'rs.sameAsResidence': 'empty: the same as the residence', 'rs.UNMARRIED': 'unmarried', 'rs.MARRIED': 'married',
        'rs.DIVORCED': 'divorced', 'rs.WIDOWED': 'widowed', hukouNature: 'Hukou nature', 'rs.notRecorded': '(not recorded)',
        'rs.RURAL': 'rural (agricultural)', 'rs.URBAN': 'urban (non-agricultural)', vitalStatus: 'Living / disabled / deceased',
        'rs.LIVING': 'living', 'rs.DISABLED': 'disabled', 'rs.DECEASED': 'deceased',
        'rs.disabilityGrade': 'Disability grade (1–4, from the certificate)', 'rs.diedOn': 'Date of death',
        'rs.vitalFacts': 'Special-family facts (sensitive)',
        'rs.vitalHint': 'Used to decide special support; visible only to those allowed, every read audited.',
        'rs.newHousehold': 'New household', 'rs.addMembers': 'Add members', 'rs.HEAD': 'head', 'rs.SPOUSE': 'spouse',
        'rs.CHILD': 'child', 'rs.PARENT': 'parent', 'rs.GRANDCHILD': 'grandchild', 'rs.GRANDPARENT': 'grandparent',
        'rs.SIBLING': 'sibling', 'rs.OTHER': 'other', 'rs.records': 'Records', 'rs.notForRole': '(not for your role)',
        'rs.noHousehold': 'in no household yet', 'rs.spouse': 'Spouse', 'rs.bornOn': 'Born', 'rs.migrantStays': 'Migrant registrations',
        'rs.arrivedOn': 'Arrived', 'rs.stayPRESENT': 'present', 'rs.stayDEPARTED': 'departed', 'rs.whCard': 'Contraceptive card',
        'rs.actCREATE': 'created', 'rs.actUPDATE': 'changed', 'rs.actDELETE': 'deleted', 'rs.actREAD_SENSITIVE': 'sensitive read',
        'rs.actDENIED': 'refused', 'rs.actIMPORT': 'imported' }
    }
  });
})();
