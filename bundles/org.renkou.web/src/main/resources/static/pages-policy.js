// Policy answers (政策查询): every scheme's decision for a resident (from Renkou's records) or for a family typed in,
// with the reason, the amount and the legal source, as of a chosen date; and the leave calculator for a birth or a
// miscarriage/termination: the days for each parent, each addend with its source, from the province's /leave answer.
// A core page: the menu entry "policy" names this script. The answers are the province bundles'; this page only
// adds up the days the way the regulations say (base + difficult birth + each extra baby; the miscarriage period by
// the month the pregnancy ended).
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, t, show, api, get, field, select, message, failure, today, residentPicker, fieldProblems } = ui;
  const TEXT = {
    zh: {
      policy: '政策查询', 'po.asOf': '查询日期', 'po.forResident': '按居民查询（依据系统记录）', 'po.forFamily': '按家庭情况查询',
      'po.ask': '查询', 'po.scheme': '项目', 'po.decision': '结论', 'po.reason': '理由', 'po.monthly': '每月金额',
      'po.total': '合计金额', 'po.source': '依据', 'po.eligible': '符合', 'po.notEligible': '不符合',
      'po.unconfirmed': '待确认', 'po.province': '省份', 'po.self': '本人出生日期', 'po.spouse': '配偶出生日期',
      'po.rural': '户口性质', 'po.ruralYes': '农村', 'po.ruralNo': '城镇', 'po.unknown': '未登记', 'po.cert': '持有独生子女父母光荣证',
      'po.children': '子女', 'po.addChild': '添加子女', 'po.childBorn': '出生日期', 'po.LIVING': '健在', 'po.DISABLED': '伤残',
      'po.DECEASED': '死亡', 'po.remove': '删除', 'po.leave': '产假计算', 'po.event': '情形', 'po.birth': '分娩',
      'po.miscarriage': '流产（含终止妊娠）', 'po.eventDate': '日期', 'po.babies': '婴儿数', 'po.difficult': '难产',
      'po.month': '怀孕满几个月', 'po.calc': '计算', 'po.mother': '女方', 'po.father': '男方', 'po.days': '天数',
      'po.addend': '项目', 'po.note': '说明', 'po.whatIf': '新政策试算（不生效）',
      'po.whatIfHint': '上传较新的政策数据文件，看本地居民在该日期谁新增、失去或改变待遇；不会启用该文件。',
      'po.fileName': '文件名', 'po.upload': '选择文件', 'po.content': '文件内容', 'po.runWhatIf': '试算',
      'po.whatIfDone': '查看了 {n} 位居民，{c} 项变化。', 'po.change': '变化', 'po.before': '现行', 'po.after': '新文件',
      'po.GAINS': '新增', 'po.LOSES': '失去', 'po.AMOUNT': '金额变化', 'po.sum': '合计', 'po.yearly': '另：每年（不计入合计）', 'po.noLeave': '该日期没有适用的规定。',
      'po.daysN': '{n} 天', 'po.perExtra': '多胞胎增加（{k} 个 × {d} 天）',
      MATERNITY: '产假', MATERNITY_DIFFICULT_BIRTH: '难产增加', MATERNITY_PER_EXTRA_BABY: '多胞胎每多一个婴儿增加',
      PATERNITY: '陪产假（护理假）', PARENTAL: '育儿假（每人每年）', MARRIAGE: '婚假', ONLY_CHILD_CARE: '独生子女护理假（每年）',
      MISCARRIAGE_UNDER_4_MONTHS: '流产假（怀孕未满4个月）', MISCARRIAGE_FROM_4_MONTHS: '流产假（怀孕满4个月）',
      MISCARRIAGE_FROM_7_MONTHS: '流产假（怀孕满7个月）'
    },
    en: {
      policy: 'Policy answers', 'po.asOf': 'As of', 'po.forResident': "For a resident (from Renkou's records)",
      'po.forFamily': 'For a family typed in', 'po.ask': 'Ask', 'po.scheme': 'Scheme', 'po.decision': 'Decision',
      'po.reason': 'Reason', 'po.monthly': 'Per month', 'po.total': 'Total', 'po.source': 'Source',
      'po.eligible': 'eligible', 'po.notEligible': 'not eligible', 'po.unconfirmed': 'unconfirmed',
      'po.province': 'Province', 'po.self': 'Birth date', 'po.spouse': "Spouse's birth date", 'po.rural': 'Registration',
      'po.ruralYes': 'rural', 'po.ruralNo': 'urban', 'po.unknown': 'not recorded', 'po.cert': "Holds an only-child parents' certificate",
      'po.children': 'Children', 'po.addChild': 'Add child', 'po.childBorn': 'Born', 'po.LIVING': 'living', 'po.DISABLED': 'disabled',
      'po.DECEASED': 'deceased', 'po.remove': 'Remove', 'po.leave': 'Leave calculator', 'po.event': 'Event', 'po.birth': 'birth',
      'po.miscarriage': 'miscarriage or termination', 'po.eventDate': 'Date', 'po.babies': 'Babies',
      'po.difficult': 'Difficult birth', 'po.month': 'Completed months of pregnancy', 'po.calc': 'Calculate',
      'po.mother': 'Mother', 'po.father': 'Father', 'po.days': 'Days', 'po.addend': 'Item', 'po.note': 'Note', 'po.whatIf': 'What-if for a newer policy file (not activated)',
      'po.whatIfHint': 'Upload a newer policy data file and see who among the residents gains, loses or changes an entitlement on the date; the file is not activated.',
      'po.fileName': 'File name', 'po.upload': 'Choose file', 'po.content': 'File content', 'po.runWhatIf': 'Run',
      'po.whatIfDone': '{n} residents looked at, {c} changes.', 'po.change': 'Change', 'po.before': 'Now', 'po.after': 'New file',
      'po.GAINS': 'gains', 'po.LOSES': 'loses', 'po.AMOUNT': 'amount changes', 'po.sum': 'Total',
      'po.yearly': 'Also, every year (not in the total)', 'po.noLeave': 'No rule applies on that date.',
      'po.daysN': '{n} days', 'po.perExtra': 'multiple birth ({k} × {d} days)',
      MATERNITY: 'maternity leave', MATERNITY_DIFFICULT_BIRTH: 'difficult birth', MATERNITY_PER_EXTRA_BABY: 'per extra baby',
      PATERNITY: 'paternity (nursing) leave', PARENTAL: 'parental leave (per parent per year)', MARRIAGE: 'marriage leave',
      ONLY_CHILD_CARE: 'only-child care leave (per year)', MISCARRIAGE_UNDER_4_MONTHS: 'miscarriage leave (under 4 months)',
      MISCARRIAGE_FROM_4_MONTHS: 'miscarriage leave (from 4 months)', MISCARRIAGE_FROM_7_MONTHS: 'miscarriage leave (from 7 months)'
    }
  };
  const fmt = (key, vars) => Object.entries(vars).reduce((s, [k, v]) => s.replace('{' + k + '}', v), t(key));
  const en = () => ui.lang() === 'en';
  const money = (x) => (x === null || x === undefined ? '' : Number(x).toFixed(2).replace(/\.00$/, ''));
  /** A source in words: regulation, article, dates, and 待确认 below high confidence. */
  function source(s) {
    if (!s) return '';
    return el('span', { class: 'source' }, s.regulation + ' ' + (s.article || ''),
      el('span', { class: 'muted' }, '（' + (s.effectiveFrom || '') + ' 起' + (s.effectiveTo ? '，至 ' + s.effectiveTo : '') + '）'),
      s.confidence && s.confidence !== 'HIGH' ? el('span', { class: 'badge OVERDUE' }, t('po.unconfirmed')) : null);
  }

  function decisions(list, id) {
    if (!list.length) return el('p', { class: 'muted', id: id }, t('noRows'));
    return el('table', { id: id }, el('thead', {}, el('tr', {}, ['po.scheme', 'po.decision', 'po.reason', 'po.monthly',
      'po.total', 'po.source'].map(k => el('th', {}, t(k))))),
    el('tbody', {}, list.map(e => el('tr', { 'data-scheme': e.schemeId },
      el('td', {}, en() ? e.nameEn : e.nameZh),
      el('td', {}, el('span', { class: 'badge ' + (e.eligible ? 'yes' : 'no') }, t(e.eligible ? 'po.eligible' : 'po.notEligible'))),
      el('td', {}, en() ? e.reasonEn : e.reasonZh), el('td', {}, money(e.monthlyAmount)), el('td', {}, money(e.totalAmount)),
      el('td', {}, source(e.source))))));
  }

  async function provinceSelect(id) {
    const r = await get('/api/provinces');
    const list = r.ok ? r.data : [];
    const mine = ((ui.me().jurisdictionCodes || [])[0] || '').substring(0, 2); // the officer's own province first
    return el('label', {}, t('po.province'), el('select', { name: 'province', id: id },
      list.map(p => el('option', { value: p.code, selected: p.code === mine }, en() ? p.nameEn : p.nameZh))));
  }

  // ---- a resident, from the records --------------------------------------------------------------------------
  async function residentBox(query) {
    const msg = message();
    const out = el('div', { id: 'policy-resident-result' });
    let person = null;
    const date = el('input', { type: 'date', name: 'date', id: 'policy-resident-date', value: query.get('date') || today() });
    async function ask() {
      if (!person) return;
      const r = await get('/api/provinces/entitlements?' + new URLSearchParams({ resident: person.id, date: date.value || today() }));
      if (!r.ok) { fieldProblems(form, msg, r); out.replaceChildren(); return; }
      fieldProblems(form, msg, null);
      out.replaceChildren(el('p', {}, person.name + '　' + t('po.asOf') + ' ' + (date.value || today())), decisions(r.data, 'policy-resident-table'));
    }
    const initial = [];
    if (query.get('resident')) { // opened from a resident's page
      const r = await get('/api/residents/' + encodeURIComponent(query.get('resident')));
      if (r.ok) initial.push(r.data);
    }
    const picker = residentPicker('policy-person', false, chosen => { person = chosen[0] || null; ask(); }, initial);
    const form = el('form', { class: 'box wide', id: 'policy-resident-form' }, el('h3', {}, t('po.forResident')), picker,
      el('p', {}, el('label', {}, t('po.asOf'), date), ' ', el('button', { type: 'submit', class: 'primary' }, t('po.ask'))), msg, out);
    form.addEventListener('submit', e => { e.preventDefault(); ask(); });
    return form;
  }

  // ---- a family typed in ------------------------------------------------------------------------------------
  async function familyBox() {
    const msg = message();
    const out = el('div', { id: 'policy-family-result' });
    const children = el('tbody', { id: 'policy-children' });
    const addChild = () => children.append(el('tr', {},
      el('td', {}, el('input', { type: 'date', class: 'child-born' })),
      el('td', {}, el('select', { class: 'child-sex' }, el('option', { value: 'FEMALE' }, t('FEMALE')), el('option', { value: 'MALE' }, t('MALE')))),
      el('td', {}, el('select', { class: 'child-status' }, ['LIVING', 'DISABLED', 'DECEASED'].map(s => el('option', { value: s }, t('po.' + s))))),
      el('td', {}, el('button', { type: 'button', onclick: e => e.target.closest('tr').remove() }, t('po.remove')))));
    const form = el('form', { class: 'box wide', id: 'policy-family-form' }, el('h3', {}, t('po.forFamily')),
      el('p', { class: 'toolbar' }, await provinceSelect('policy-family-province'),
        field('po.asOf', today(), { type: 'date', name: 'date', id: 'policy-family-date' })),
      el('p', { class: 'toolbar' }, field('po.self', '', { type: 'date', name: 'birthDate', id: 'policy-family-born' }),
        select('sex', [['FEMALE', t('FEMALE')], ['MALE', t('MALE')]], 'FEMALE', { name: 'sex', id: 'policy-family-sex' }),
        field('po.spouse', '', { type: 'date', name: 'spouseBirthDate', id: 'policy-family-spouse' }),
        select('po.rural', [['', t('po.unknown')], ['true', t('po.ruralYes')], ['false', t('po.ruralNo')]], '',
          { name: 'rural', id: 'policy-family-rural' }),
        el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'oneChildCertificate', id: 'policy-family-cert' }), t('po.cert'))),
      el('p', {}, t('po.children')),
      el('table', {}, el('thead', {}, el('tr', {}, ['po.childBorn', 'sex', 'status', ''].map(k => el('th', {}, k ? t(k) : '')))), children),
      el('button', { type: 'button', id: 'policy-add-child', onclick: addChild }, t('po.addChild')), ' ',
      el('button', { type: 'submit', class: 'primary', id: 'policy-family-ask' }, t('po.ask')), msg, out);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      fieldProblems(form, msg, null);
      const f = new FormData(form);
      const body = { birthDate: f.get('birthDate') || null, sex: f.get('sex'), spouseBirthDate: f.get('spouseBirthDate') || null,
        rural: f.get('rural') === '' ? null : f.get('rural') === 'true', oneChildCertificate: !!f.get('oneChildCertificate'),
        children: [...children.children].map(tr => ({ birthDate: tr.querySelector('.child-born').value || null,
          sex: tr.querySelector('.child-sex').value, status: tr.querySelector('.child-status').value })) };
      const r = await api('POST', '/api/provinces/' + encodeURIComponent(f.get('province')) + '/entitlements?date='
        + encodeURIComponent(f.get('date') || today()), body);
      if (!r.ok) { fieldProblems(form, msg, r); out.replaceChildren(); return; }
      out.replaceChildren(decisions(r.data, 'policy-family-table'));
    });
    return form;
  }

  // ---- the leave calculator ---------------------------------------------------------------------------------
  async function leaveBox(query) {
    const msg = message();
    const out = el('div', { id: 'leave-result' });
    const eventSel = select('po.event', [['BIRTH', t('po.birth')], ['MISCARRIAGE', t('po.miscarriage')]],
      query.get('event') || 'BIRTH', { name: 'event', id: 'leave-event' });
    const birthOnly = el('span', { class: 'toolbar' },
      field('po.babies', '1', { type: 'number', min: 1, max: 9, name: 'babies', id: 'leave-babies' }),
      el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'difficult', id: 'leave-difficult' }), t('po.difficult')));
    const missOnly = el('span', { class: 'toolbar' },
      field('po.month', '2', { type: 'number', min: 0, max: 10, name: 'months', id: 'leave-month' }));
    const toggle = () => { const b = eventSel.querySelector('select').value === 'BIRTH'; // .toolbar's display beats [hidden]
      birthOnly.style.display = b ? '' : 'none'; missOnly.style.display = b ? 'none' : ''; };
    eventSel.querySelector('select').addEventListener('change', toggle);
    const form = el('form', { class: 'box wide', id: 'leave-form', novalidate: true }, el('h3', {}, t('po.leave')), // the server's ranges
      el('p', { class: 'toolbar' }, await provinceSelect('leave-province'),
        field('po.eventDate', today(), { type: 'date', name: 'date', id: 'leave-date' }), eventSel),
      el('p', {}, birthOnly, missOnly),
      el('button', { type: 'submit', class: 'primary', id: 'leave-calc' }, t('po.calc')), msg, out);
    toggle();
    form.addEventListener('submit', async e => {
      e.preventDefault();
      fieldProblems(form, msg, null);
      const f = new FormData(form);
      // the server adds up (LeaveCalculator, checked against each province's golden table)
      const q = new URLSearchParams({ date: f.get('date') || today(), event: f.get('event'), babies: f.get('babies') || '1',
        difficult: f.get('difficult') ? 'true' : 'false', months: f.get('months') || '0' });
      const r = await get('/api/provinces/' + encodeURIComponent(f.get('province')) + '/leave/event?' + q);
      if (!r.ok) { fieldProblems(form, msg, r); out.replaceChildren(); return; }
      const label = (x) => (x.kind === 'MATERNITY_PER_EXTRA_BABY' ? fmt('po.perExtra', { k: x.times, d: x.days / x.times }) : t(x.kind));
      const rowsOf = (list) => list.map(x => ({ kind: x.kind, label: label(x), days: x.days, l: x }));
      const mother = rowsOf(r.data.mother), father = rowsOf(r.data.father), yearly = rowsOf(r.data.yearly);
      const part = (who, id, rows, sum) => {
        if (!rows.length) return null;
        return el('div', { class: 'leave-part' }, el('h4', {}, t(who) + '：', el('span', { id: id + '-total', class: 'code-big' }, String(sum)), ' ' + fmt('po.daysN', { n: '' }).trim()),
          el('table', { id: id }, el('thead', {}, el('tr', {}, ['po.addend', 'po.days', 'po.note', 'po.source'].map(k => el('th', {}, t(k))))),
            el('tbody', {}, rows.map(x => el('tr', { 'data-kind': x.kind }, el('td', {}, x.label), el('td', {}, String(x.days)),
              el('td', {}, en() ? x.l.noteEn : x.l.noteZh), el('td', {}, source(x.l.source))))),
            el('tfoot', {}, el('tr', {}, el('th', {}, t('po.sum')), el('th', {}, String(sum)), el('th', {}), el('th', {})))));
      };
      out.replaceChildren(...[mother.length || father.length ? null : el('p', { class: 'muted' }, t('po.noLeave')),
        part('po.mother', 'leave-mother', mother, r.data.motherDays), part('po.father', 'leave-father', father, r.data.fatherDays),
        yearly.length ? el('div', {}, el('h4', {}, t('po.yearly')), el('ul', { id: 'leave-yearly' }, yearly.map(x =>
          el('li', {}, x.label + '：' + fmt('po.daysN', { n: x.days }) + '　', source(x.l.source))))) : null].filter(Boolean));
    });
    return form;
  }

  // ---- what-if: a newer policy file tried on the residents of a place, nothing activated -----------------------
  function whatIfBox() {
    const msg = message();
    const out = el('div', { id: 'whatif-result' });
    const mine = (ui.me().jurisdictionCodes || []).filter(c => c !== '');
    let place = mine[0] || '';
    const file = el('input', { type: 'file', accept: '.json,application/json', id: 'whatif-file' });
    const text = el('textarea', { name: 'file', id: 'whatif-text', rows: 6, placeholder: '{ "province": "44", "rules": [ … ] }' });
    const name = el('input', { name: 'fileName', id: 'whatif-name', value: 'new-policy.json', maxlength: 100 });
    file.addEventListener('change', async () => { const f = file.files[0]; if (f) { text.value = await f.text(); name.value = f.name; } });
    const form = el('form', { class: 'box wide', id: 'whatif-form' }, el('h3', {}, t('po.whatIf')),
      el('p', { class: 'muted' }, t('po.whatIfHint')),
      el('p', {}, el('label', {}, t('jurisdiction'), ui.placePicker('whatif-place', c => { place = c || mine[0] || ''; }, mine[0] || null))),
      el('p', { class: 'toolbar' }, field('po.asOf', today(), { type: 'date', name: 'date', id: 'whatif-date' }),
        el('label', {}, t('po.fileName'), name), el('label', {}, t('po.upload'), file)),
      el('p', {}, el('label', {}, t('po.content'), text)),
      el('button', { type: 'submit', class: 'primary', id: 'whatif-run' }, t('po.runWhatIf')), msg, out);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      fieldProblems(form, msg, null);
      const f = new FormData(form);
      const q = new URLSearchParams({ file: name.value, date: f.get('date') || today() });
      let res;
      try { // the body is the file itself, not a JSON string of it
        const r = await fetch('/api/provinces/' + encodeURIComponent(place) + '/what-if?' + q, { method: 'POST',
          credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': ui.me().csrfToken,
            'Accept-Language': en() ? 'en' : 'zh-CN' }, body: text.value });
        res = { ok: r.ok, status: r.status, data: (r.headers.get('Content-Type') || '').includes('json') ? await r.json() : null };
      } catch (x) { res = { ok: false, status: 0, data: { detail: String(x) } }; }
      if (!res.ok) { fieldProblems(form, msg, res); out.replaceChildren(); return; }
      const w = res.data;
      out.replaceChildren(el('p', {}, fmt('po.whatIfDone', { n: w.residents, c: w.changes.length })),
        w.changes.length ? el('table', { id: 'whatif-table' }, el('thead', {}, el('tr', {}, ['name', 'idNumber', 'po.scheme',
          'po.change', 'po.before', 'po.after'].map(k => el('th', {}, t(k))))),
        el('tbody', {}, w.changes.map(c => el('tr', {}, el('td', {}, el('a', { href: '#/resident/' + c.residentId }, c.name)),
          el('td', {}, c.idNumber), el('td', {}, c.schemeNameZh || c.schemeId), el('td', {}, t('po.' + c.change)),
          el('td', {}, brief(c.before)), el('td', {}, brief(c.after)))))) : null);
    });
    return form;
  }
  const brief = (e) => (!e ? '—' : t(e.eligible ? 'po.eligible' : 'po.notEligible')
    + (e.monthlyAmount !== null && e.monthlyAmount !== undefined ? '，' + money(e.monthlyAmount) + '/月' : ''));

  async function policy(_arg, query) {
    show(el('h2', {}, t('policy')), el('div', { class: 'cols' },
      el('div', {}, await residentBox(query), await familyBox()), el('div', {}, await leaveBox(query), whatIfBox())));
  }

  ui.register(null, { routes: { policy: policy }, text: TEXT });
})();
