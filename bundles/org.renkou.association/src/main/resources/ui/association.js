// Pages of the family planning association module (计生协会), served by the module itself and loaded by the shell
// while the module is on. Built only with the shell's helpers (window.Renkou): data reaches the page as text nodes
// (el), every write carries the CSRF header (api), words come from t() in Chinese or English.
(function () {
  'use strict';
  const R = window.Renkou;
  if (!R) return;
  const { el, t, api, get, show, table, message, say, problem, failure } = R;
  const API = '/api/association';
  const clean = (nodes) => nodes.flat().filter(n => n !== null && n !== undefined && n !== false);
  const view = (...nodes) => show(...clean(nodes));
  const link = (hash, text, id) => el('a', { href: '#/' + hash, id: id }, text);
  const button = (text, onclick, attrs) => el('button', Object.assign({ type: 'button', onclick: onclick }, attrs || {}), text);
  const input = (name, attrs) => el('label', {}, t('as.' + name), el('input', Object.assign({ name: name, id: 'as-' + name }, attrs || {})));
  const choice = (name, values, attrs) => el('label', {}, t('as.' + name), el('select', Object.assign({ name: name, id: 'as-' + name }, attrs || {}),
    values.map(v => el('option', { value: v }, t('as.' + v)))));
  const value = (form, name) => { const v = new FormData(form).get(name); return v === null || v === '' ? null : String(v).trim(); };
  const number = (form, name) => { const v = value(form, name); return v === null ? null : Number(v); };
  const canWrite = () => R.has('ASSOCIATION_SECRETARY', 'DIRECTOR', 'ADMIN');
  const year = () => new Date().getFullYear();
  const kind = (k) => (k ? t('as.' + k) : '');
  /** A staff account as its holder's name (姓名), the account in the tooltip; the account when there is no name. */
  const staffName = (username, name) => (username ? el('span', { class: 'as-staff', title: username }, name || username) : '');
  /** A form that posts its body and then re-opens the page; problems shown in words beside it. */
  function form(id, fields, submitKey, method, path, body, done) {
    const msg = message();
    const f = el('form', { class: 'inline', id: id }, fields, el('button', { type: 'submit', class: 'primary' }, t(submitKey)), msg);
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      const res = await api(method, typeof path === 'function' ? path(f) : path, await body(f));
      if (res.ok) await done(res.data); else say(msg, problem(res));
    });
    return f;
  }

  // ---- households (core data) by their 户号 and head, not by Renkou's key --------------------------------------
  const households = new Map(); // id → Promise of "户号（户主 姓名）" or null
  function householdLabel(id) {
    if (!households.has(id)) {
      households.set(id, get('/api/households/' + id).then(r => {
        if (!r.ok) return null;
        const head = (r.data.members || []).find(m => m.relation === 'HEAD');
        return r.data.number + (head ? '（' + t('as.head') + ' ' + head.name + '）' : '');
      }));
    }
    const s = el('span', { class: 'as-household', 'data-id': id }, '#' + id);
    households.get(id).then(l => { if (l) s.textContent = l; });
    return s;
  }
  const householdInput = () => input('householdNumber', { autocomplete: 'off' });
  /** The household's key for its 户号 (within the caller's reach); -1 when there is none, which the server refuses. */
  async function householdId(f) {
    const n = value(f, 'householdNumber');
    if (!n) return null;
    const r = await get('/api/households?number=' + encodeURIComponent(n));
    return r.ok && r.data.items && r.data.items.length ? r.data.items[0].id : -1;
  }

  // ---- overview: the associations within reach, a new one, the yearly statistics ----------------------------
  async function overview(attempt) {
    const list = await get(API + '/associations');
    // just switched on, the entry can be listed a moment before the API answers: wait a little
    if ((list.status === 404 || list.status === 503) && (attempt || 0) < 10) {
      await new Promise(resolve => setTimeout(resolve, 500));
      return overview((attempt || 0) + 1);
    }
    if (!list.ok) { view(el('h2', {}, t('as.title')), failure(list)); return; }
    view(el('h2', {}, t('as.title')),
      el('div', { class: 'toolbar' }, link('as-stats', t('as.stats'), 'as-link-stats')),
      el('div', { id: 'as-list' }, table([['as.name', a => a.name], ['as.jurisdiction', a => a.jurisdictionName || a.jurisdictionCode],
        ['as.secretaryName', a => staffName(a.secretary, a.secretaryName)], ['as.foundedOn', a => a.foundedOn]], list.data,
      a => { location.hash = '#/as-council/' + a.id; })),
      canWrite() ? el('h3', {}, t('as.newAssociation')) : null,
      canWrite() ? form('as-new', [input('name'), input('jurisdictionCode'), input('secretary'), input('foundedOn', { type: 'date' })],
        'as.create', 'POST', API + '/associations',
        f => ({ name: value(f, 'name'), jurisdictionCode: value(f, 'jurisdictionCode'), secretary: value(f, 'secretary'), foundedOn: value(f, 'foundedOn') }),
        () => overview()) : null);
  }

  // ---- one association: tabs ----------------------------------------------------------------------------------
  const TABS = [['as-council', 'as.council'], ['as-members', 'as.members'], ['as-contacts', 'as.contacts'],
    ['as-activities', 'as.activities'], ['as-cases', 'as.cases'], ['as-board', 'as.board'], ['as-surveys', 'as.surveys'],
    ['as-commendations', 'as.commendations'], ['as-meetings', 'as.meetings']];
  async function frame(id, current, render) {
    const a = await get(API + '/associations/' + id);
    if (!a.ok) { view(failure(a)); return; }
    const body = el('div', { id: 'as-body' });
    view(el('p', {}, link('association', '‹ ' + t('as.title'))),
      el('h2', { id: 'as-name' }, a.data.name + ' · ' + (a.data.jurisdictionName || a.data.jurisdictionCode)),
      el('nav', { class: 'as-tabs' }, TABS.map(([r, k]) => el('a', { href: '#/' + r + '/' + id, id: 'tab-' + r, class: r === current ? 'active' : '' }, t(k)))),
      body);
    await render(body, a.data);
  }
  const put = (body, ...nodes) => body.replaceChildren(...clean(nodes));

  // council terms (换届): history kept, newest first
  const councilPage = (id) => frame(id, 'as-council', async (body) => {
    const terms = await get(API + '/associations/' + id + '/terms');
    const again = () => councilPage(id);
    put(body, el('h3', {}, t('as.terms')),
      terms.ok ? el('div', { id: 'as-terms' }, terms.data.map(term => el('div', { class: 'box' },
        el('h4', {}, t('as.termNo') + ' ' + term.number + ' · ' + term.startedOn + ' – ' + (term.endedOn || t('as.current'))),
        table([['as.position', s => kind(s.position)], ['as.personName', s => s.personName]], term.seats)))) : failure(terms),
      canWrite() ? el('h3', {}, t('as.newTerm')) : null,
      canWrite() ? form('as-term-form', [input('startedOn', { type: 'date' }),
        el('label', {}, t('as.seatsHint'), el('textarea', { name: 'seats', id: 'as-seats', rows: 4, placeholder: '会长 张三\n秘书长 李四\n理事 王五' })),
        input('note')], 'as.elect', 'POST', API + '/associations/' + id + '/terms', f => ({
        startedOn: value(f, 'startedOn'), note: value(f, 'note'),
        seats: (value(f, 'seats') || '').split('\n').map(l => l.trim()).filter(l => l).map(l => {
          const [p, ...n] = l.split(/\s+/);
          return { position: POSITIONS[p] || p, personName: n.join(' ') };
        })
      }), again) : null);
  });
  const POSITIONS = { '会长': 'PRESIDENT', '副会长': 'VICE_PRESIDENT', '秘书长': 'SECRETARY_GENERAL', '理事': 'DIRECTOR' };

  // members: applications waiting for the council, then everyone with status; phones masked in the list
  const membersPage = (id) => frame(id, 'as-members', async (body) => {
    const [members, groups] = await Promise.all([get(API + '/associations/' + id + '/members'), get(API + '/associations/' + id + '/groups')]);
    const again = () => membersPage(id);
    const decide = async (m, approve) => {
      const res = await api('POST', API + '/associations/' + id + '/members/' + m.id + '/decision', { approve: approve, version: m.version });
      if (res.ok) again(); else alert(problem(res));
    };
    put(body, el('h3', {}, t('as.members')),
      members.ok ? el('div', { id: 'as-members' }, table([['as.name', m => m.name], ['as.phone', m => m.phone || ''],
        ['as.skills', m => m.skills || ''], ['as.status', m => kind(m.status)], ['as.appliedOn', m => m.appliedOn],
        ['as.decide', m => (m.status === 'APPLIED' && canWrite()
          ? el('span', {}, button(t('as.approve'), () => decide(m, true), { id: 'as-approve-' + m.id }), ' ',
            button(t('as.reject'), () => decide(m, false))) : '')]], members.data)) : failure(members),
      canWrite() ? el('h3', {}, t('as.application')) : null,
      canWrite() ? form('as-apply', [input('name'), input('phone'), input('skills'), input('residentId', { type: 'number' })],
        'as.apply', 'POST', API + '/associations/' + id + '/members',
        f => ({ name: value(f, 'name'), phone: value(f, 'phone'), skills: value(f, 'skills'), residentId: number(f, 'residentId') }), again) : null,
      el('h3', {}, t('as.groups')),
      groups.ok ? table([['as.name', g => g.name], ['as.residentGroup', g => g.residentGroupName || g.residentGroupCode],
        ['as.leader', g => { const l = (members.data || []).find(m => m.id === g.leaderMemberId); return l ? l.name : ''; }]], groups.data) : failure(groups),
      canWrite() ? form('as-group', [input('groupName'), input('residentGroupCode'), input('leaderMemberId', { type: 'number' })],
        'as.addGroup', 'POST', API + '/associations/' + id + '/groups',
        f => ({ name: value(f, 'groupName'), residentGroupCode: value(f, 'residentGroupCode'), leaderMemberId: number(f, 'leaderMemberId') }), again) : null);
  });

  // contact households and their visits (service only: information, help, referral)
  const contactsPage = (id) => frame(id, 'as-contacts', async (body) => {
    const [contacts, members] = await Promise.all([get(API + '/associations/' + id + '/contacts'), get(API + '/associations/' + id + '/members?status=ACTIVE')]);
    const again = () => contactsPage(id);
    const names = {};
    (members.data || []).forEach(m => { names[m.id] = m.name; });
    const visits = el('div', { id: 'as-visits' });
    const openVisits = async (c) => {
      const v = await get(API + '/associations/' + id + '/contacts/' + c.id + '/visits');
      put(visits, el('h3', {}, t('as.visitsOf') + ' ', householdLabel(c.householdId)),
        v.ok ? table([['as.visitedOn', x => x.visitedOn], ['as.kind', x => kind(x.kind)], ['as.outcome', x => x.outcome || ''],
          ['as.recordedBy', x => staffName(x.recordedBy, x.recordedByName)]], v.data) : failure(v),
        canWrite() ? form('as-visit', [input('visitedOn', { type: 'date', value: R.today() }), choice('kind', ['INFORMATION', 'HELP', 'REFERRAL']), input('outcome')],
          'as.logVisit', 'POST', API + '/associations/' + id + '/contacts/' + c.id + '/visits',
          f => ({ visitedOn: value(f, 'visitedOn'), kind: value(f, 'kind'), outcome: value(f, 'outcome') }), again) : null);
    };
    put(body, el('h3', {}, t('as.contacts')), el('p', { class: 'muted' }, t('as.contactsHint')),
      contacts.ok ? el('div', { id: 'as-contact-list' }, table([['as.member', c => names[c.memberId] || c.memberId], ['as.householdId', c => householdLabel(c.householdId)],
        ['as.assignedOn', c => c.assignedOn], ['as.lastVisit', c => c.lastVisit || '—'], ['as.visits', c => c.visits]],
      contacts.data.filter(c => !c.endedOn), openVisits)) : failure(contacts),
      canWrite() ? form('as-assign', [el('label', {}, t('as.member'), el('select', { name: 'memberId', id: 'as-memberId' },
        (members.data || []).map(m => el('option', { value: m.id }, m.name)))), householdInput()],
      'as.assign', 'POST', API + '/associations/' + id + '/contacts',
      async f => ({ memberId: number(f, 'memberId'), householdId: await householdId(f) }), again) : null,
      visits);
  });

  // activities with the yearly rules as progress
  const activitiesPage = (id) => frame(id, 'as-activities', async (body) => {
    const [list, progress, members] = await Promise.all([get(API + '/associations/' + id + '/activities?year=' + year()),
      get(API + '/associations/' + id + '/progress?year=' + year()), get(API + '/associations/' + id + '/members?status=ACTIVE')]);
    const again = () => activitiesPage(id);
    const p = progress.data || {};
    put(body, el('h3', {}, t('as.progress') + ' ' + year()),
      progress.ok ? el('ul', { id: 'as-progress' },
        el('li', { class: p.largeMet ? 'ok' : 'error' }, t('as.largeRule') + ': ' + p.largeActivities + ' / ' + p.largeRequired),
        el('li', { class: p.trainingMet ? 'ok' : 'error' }, t('as.trainingRule') + ': ' + p.membersTrainedTwice + ' / ' + p.activeMembers),
        groupMeetings(p)) : failure(progress),
      el('h3', {}, t('as.activities')),
      list.ok ? el('div', { id: 'as-activity-list' }, table([['as.heldOn', a => a.heldOn], ['as.kind', a => kind(a.kind)], ['as.activityTitle', a => a.title],
        ['as.place', a => a.place || ''], ['as.personTimes', a => a.personTimes], ['as.leaflets', a => a.leaflets], ['as.items', a => a.items],
        ['as.large', a => (a.large ? '✓' : '')]], list.data)) : failure(list),
      canWrite() ? el('h3', {}, t('as.newActivity')) : null,
      canWrite() ? form('as-activity', [choice('kind', ['MEMBER_DAY', 'PROMOTION', 'FREE_CLINIC', 'TRAINING', 'PROJECT']),
        input('activityTitle'), input('heldOn', { type: 'date', value: R.today() }), input('place'), input('organisers'),
        input('leaflets', { type: 'number', min: 0 }), input('items', { type: 'number', min: 0 }),
        el('label', {}, t('as.large'), el('input', { type: 'checkbox', name: 'large', id: 'as-large' })),
        el('fieldset', { id: 'as-participants' }, el('legend', {}, t('as.participants')),
          (members.data || []).map(m => el('label', { class: 'as-check' }, el('input', { type: 'checkbox', name: 'member', value: m.id }), m.name))),
        el('label', {}, t('as.otherParticipants'), el('input', { name: 'others', id: 'as-others' }))],
      'as.record', 'POST', API + '/associations/' + id + '/activities', f => ({
        kind: value(f, 'kind'), title: value(f, 'activityTitle'), heldOn: value(f, 'heldOn'), place: value(f, 'place'),
        organisers: value(f, 'organisers'), leaflets: number(f, 'leaflets'), items: number(f, 'items'),
        large: f.querySelector('[name=large]').checked ? true : null,
        participants: new FormData(f).getAll('member').map(m => ({ memberId: Number(m) }))
          .concat((value(f, 'others') || '').split(/[,，、]/).map(s => s.trim()).filter(s => s).map(s => ({ name: s })))
      }), again) : null);
  });

  /** Per member group: months with a monthly meeting against the months completed (the yearly progress). */
  const groupMeetings = (p) => (p.groupMeetings || []).map(g => el('li', { class: g.met ? 'ok' : 'error', id: 'as-group-meetings-' + g.groupId },
    t('as.groupMeetingsHeld') + ' · ' + g.name + ': ' + g.held + ' / ' + g.due));

  // meetings (会议): monthly group meetings and the yearly commendation meeting, attendance, minutes, attachments
  const ATTENDANCE = ['PRESENT', 'ABSENT', 'EXCUSED'];
  const meetingsPage = (id) => frame(id, 'as-meetings', async (body) => {
    const base = API + '/associations/' + id;
    const [list, groups, members, progress] = await Promise.all([get(base + '/meetings?year=' + year()), get(base + '/groups'),
      get(base + '/members?status=ACTIVE'), get(base + '/progress?year=' + year())]);
    const again = () => meetingsPage(id);
    const groupName = (gid) => { const g = (groups.data || []).find(x => x.id === gid); return g ? g.name : ''; };
    const detail = el('div', { id: 'as-meeting' });
    const open = async (m) => {
      const res = await get(base + '/meetings/' + m.id);
      if (!res.ok) { detail.replaceChildren(failure(res)); return; }
      const x = res.data;
      const msg = message();
      const file = el('input', { type: 'file', id: 'as-meeting-file', accept: '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt' });
      const upload = async () => {
        const f = file.files[0];
        if (!f) return;
        const me = R.me() || {};
        const r = await fetch(base + '/meetings/' + x.id + '/files?fileName=' + encodeURIComponent(f.name), { method: 'POST',
          credentials: 'same-origin', headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': me.csrfToken || '',
            'Accept-Language': R.lang() === 'en' ? 'en' : 'zh-CN' }, body: f });
        if (r.ok) { open(x); return; }
        say(msg, problem({ status: r.status, data: (r.headers.get('Content-Type') || '').includes('json') ? await r.json() : null }));
      };
      const remove = async (f) => {
        const res = await api('DELETE', base + '/meetings/' + x.id + '/files/' + f.id);
        if (res.ok) open(x); else say(msg, problem(res));
      };
      put(detail, el('h3', {}, x.heldOn + ' · ' + kind(x.kind) + (x.groupId ? ' · ' + groupName(x.groupId) : '') + ' · ' + x.topic),
        el('p', { id: 'as-meeting-counts' }, t('as.PRESENT') + ' ' + x.present + ' · ' + t('as.ABSENT') + ' ' + x.absent + ' · ' + t('as.EXCUSED') + ' ' + x.excused),
        el('div', { id: 'as-attendance' }, table([['as.member', a => a.name], ['as.attendance', a => kind(a.status)]], x.attendance)),
        el('h4', {}, t('as.minutes')), el('pre', { id: 'as-minutes', class: 'as-minutes' }, x.minutes || '—'),
        el('h4', {}, t('as.attachments')),
        el('div', { id: 'as-meeting-files' }, table([['as.fileName', f => el('a', { href: base + '/meetings/' + x.id + '/files/' + f.id }, f.fileName)],
          ['as.size', f => Math.ceil(f.size / 1024) + ' KB'], ['as.sha256', f => el('code', {}, f.sha256)], ['as.recordedBy', f => staffName(f.uploadedBy, f.uploadedByName)],
          ['as.remove', f => (canWrite() ? button(t('as.remove'), () => remove(f), { id: 'as-remove-file-' + f.id }) : '')]], x.files)),
        canWrite() ? el('div', { class: 'toolbar' }, file, button(t('as.upload'), upload, { id: 'as-upload' }), msg) : null,
        el('p', { class: 'muted' }, t('as.filesHint')),
        canWrite() ? form('as-minutes-form', [input('place', { value: x.place || '', id: 'as-edit-place' }), input('topic', { value: x.topic, id: 'as-edit-topic' }),
          el('label', {}, t('as.minutes'), el('textarea', { name: 'minutes', id: 'as-minutes-text', rows: 6 }, x.minutes || ''))],
        'as.saveMinutes', 'PUT', base + '/meetings/' + x.id, f => ({ heldOn: x.heldOn, place: value(f, 'place'), topic: value(f, 'topic'),
          minutes: value(f, 'minutes'), attendance: x.attendance.map(a => ({ memberId: a.memberId, status: a.status })), version: x.version }),
        () => open(x)) : null);
    };
    put(body, el('h3', {}, t('as.progress') + ' ' + year()),
      progress.ok ? el('ul', { id: 'as-meeting-progress' }, groupMeetings(progress.data),
        el('li', { class: progress.data.commendationMeetings > 0 ? 'ok' : '' }, t('as.commendationMeetings') + ': ' + progress.data.commendationMeetings)) : failure(progress),
      el('h3', {}, t('as.meetings')), el('p', { class: 'muted' }, t('as.meetingsHint')),
      list.ok ? el('div', { id: 'as-meeting-list' }, table([['as.heldOn', m => m.heldOn], ['as.meetingKind', m => kind(m.kind)],
        ['as.group', m => groupName(m.groupId)], ['as.topic', m => m.topic], ['as.place', m => m.place || ''],
        ['as.attendance', m => m.present + ' / ' + m.absent + ' / ' + m.excused]], list.data, open)) : failure(list),
      canWrite() ? el('h3', {}, t('as.newMeeting')) : null,
      canWrite() ? form('as-meeting-form', [choice('meetingKind', ['GROUP_MONTHLY', 'YEARLY_COMMENDATION']),
        el('label', {}, t('as.group'), el('select', { name: 'groupId', id: 'as-groupId' }, el('option', { value: '' }, '—'),
          (groups.data || []).map(g => el('option', { value: g.id }, g.name)))),
        input('heldOn', { type: 'date', value: R.today() }), input('place'), input('topic'),
        el('label', {}, t('as.minutes'), el('textarea', { name: 'minutes', id: 'as-minutes-new', rows: 4 })),
        el('fieldset', { id: 'as-attendance-form' }, el('legend', {}, t('as.attendance')),
          (members.data || []).map(m => el('label', { class: 'as-check' }, m.name + ' ',
            el('select', { name: 'att-' + m.id, id: 'as-att-' + m.id }, el('option', { value: '' }, '—'),
              ATTENDANCE.map(s => el('option', { value: s }, t('as.' + s)))))))],
      'as.record', 'POST', base + '/meetings', f => ({ kind: value(f, 'meetingKind'), groupId: number(f, 'groupId'),
        heldOn: value(f, 'heldOn'), place: value(f, 'place'), topic: value(f, 'topic'), minutes: value(f, 'minutes'),
        attendance: (members.data || []).filter(m => value(f, 'att-' + m.id)).map(m => ({ memberId: m.id, status: value(f, 'att-' + m.id) })) }),
      again) : null,
      detail);
  });

  // special-family cases: only what the server lets this caller see; every read is audited there
  const casesPage = (id) => frame(id, 'as-cases', async (body) => {
    const list = await get(API + '/associations/' + id + '/cases');
    const again = () => casesPage(id);
    put(body, el('h3', {}, t('as.cases')), el('p', { class: 'muted' }, t('as.casesHint')),
      list.ok ? el('div', { id: 'as-case-list' }, table([['as.householdId', c => householdLabel(c.householdId)], ['as.familyKind', c => kind(c.familyKind)],
        ['as.contactsAB', c => el('span', {}, staffName(c.contactA, c.contactAName), ' / ', staffName(c.contactB, c.contactBName))], ['as.openedOn', c => c.openedOn], ['as.lastContact', c => c.lastContact || '—'],
        ['as.due', c => (c.contactDue ? el('span', { class: 'as-badge as-due' }, t('as.contactDue')) : '')]], list.data,
      c => { location.hash = '#/as-case/' + id + '-' + c.id; })) : failure(list),
      R.has('ASSOCIATION_SECRETARY', 'DIRECTOR') ? el('h3', {}, t('as.openCase')) : null,
      R.has('ASSOCIATION_SECRETARY', 'DIRECTOR') ? form('as-case-form', [householdInput(),
        choice('familyKind', ['CHILD_DECEASED', 'CHILD_DISABLED']), input('contactA'), input('contactB'),
        input('benefitApplicationId', { type: 'number' })], 'as.open', 'POST', API + '/associations/' + id + '/cases', async f => ({
        householdId: await householdId(f), familyKind: value(f, 'familyKind'), contactA: value(f, 'contactA'),
        contactB: value(f, 'contactB'), benefitApplicationId: number(f, 'benefitApplicationId') }), again) : null);
  });
  // #/as-case/<association>-<case>
  async function casePage(arg) {
    const [id, caseId] = String(arg).split('-');
    await frame(id, 'as-cases', async (body) => {
      const c = await get(API + '/associations/' + id + '/cases/' + caseId);
      if (!c.ok) { put(body, failure(c)); return; }
      const x = c.data;
      put(body, el('h3', {}, t('as.case') + ' · ' + t('as.householdId') + ' ', householdLabel(x.householdId)),
        el('p', { id: 'as-case-facts' }, kind(x.familyKind) + ' · ' + t('as.contactsAB') + ': ', staffName(x.contactA, x.contactAName), ' / ',
          staffName(x.contactB, x.contactBName), x.benefitApplicationId ? ' · ' + t('as.benefitApplicationId') + ' ' + x.benefitApplicationId : ''),
        x.contactDue ? el('p', { class: 'error' }, t('as.contactDue')) : null,
        el('div', { id: 'as-timeline' }, table([['as.entryOn', e => e.entryOn], ['as.kind', e => kind(e.kind)], ['as.note', e => e.note || ''],
          ['as.amount', e => (e.amount == null ? '' : '¥' + e.amount)], ['as.recordedBy', e => staffName(e.recordedBy, e.recordedByName)]], x.entries)),
        form('as-entry', [input('entryOn', { type: 'date', value: R.today() }),
          choice('kind', ['VISIT', 'PSYCHOLOGICAL', 'GREEN_CHANNEL', 'FAMILY_DOCTOR', 'HOLIDAY_VISIT', 'OTHER']), input('note'),
          input('amount', { type: 'number', step: '0.01', min: 0 })], 'as.addEntry', 'POST',
        API + '/associations/' + id + '/cases/' + caseId + '/entries',
        f => ({ entryOn: value(f, 'entryOn'), kind: value(f, 'kind'), note: value(f, 'note'), amount: value(f, 'amount') }),
        () => casePage(arg)));
    });
  }

  // yearly statistics (协会统计年报) for a jurisdiction
  async function statsPage(arg, query) {
    const params = new URLSearchParams(query || '');
    const code = params.get('code') || (R.me() && R.me().jurisdictionCodes ? R.me().jurisdictionCodes[0] : '');
    const y = params.get('year') || year();
    const res = code ? await get(API + '/statistics?jurisdictionCode=' + encodeURIComponent(code) + '&year=' + y) : null;
    const f = el('form', { class: 'inline', id: 'as-stats-form' }, input('jurisdictionCode', { value: code }), input('year', { type: 'number', value: y }),
      el('button', { type: 'submit', class: 'primary' }, t('as.show')));
    f.addEventListener('submit', (e) => { e.preventDefault(); location.hash = '#/as-stats/?code=' + value(f, 'jurisdictionCode') + '&year=' + value(f, 'year'); });
    const cols = [['as.level', r => (R.lang() === 'en' ? r.level : r.levelName)], ['as.associations', r => r.associations], ['as.members', r => r.members],
      ['as.groups', r => r.groups], ['as.contactHouseholds', r => r.contactHouseholds], ['as.activities', r => r.activities],
      ['as.personTimes', r => r.personTimes], ['as.specialFamilies', r => r.specialFamilies]];
    view(el('p', {}, link('association', '‹ ' + t('as.title'))), el('h2', {}, t('as.stats')), f,
      !res ? null : res.ok ? el('div', { id: 'as-stats' }, el('h3', {}, (res.data.jurisdictionName || code) + ' · ' + res.data.year),
        table(cols, res.data.rows.concat([res.data.total])),
        el('p', {}, el('a', { href: API + '/statistics.xlsx?jurisdictionCode=' + encodeURIComponent(code) + '&year=' + y, id: 'as-stats-xlsx' }, t('as.exportXlsx')), ' ',
          el('a', { href: API + '/statistics.pdf?jurisdictionCode=' + encodeURIComponent(code) + '&year=' + y, id: 'as-stats-pdf' }, t('as.exportPdf'))))
        : failure(res));
  }

  // notice board (公开栏): items with their dates, publish and withdraw; the public page's address
  const boardPage = (id) => frame(id, 'as-board', async (body) => {
    const list = await get(API + '/associations/' + id + '/notices');
    const again = () => boardPage(id);
    const today = R.today();
    const shown = (n) => !n.withdrawnOn && n.publishFrom <= today && (!n.publishUntil || n.publishUntil >= today);
    const withdraw = async (n) => {
      const res = await api('POST', API + '/associations/' + id + '/notices/' + n.id + '/withdraw');
      if (res.ok) again(); else alert(problem(res));
    };
    put(body, el('p', {}, t('as.publicAddress') + ' ', el('a', { href: '/public/association/' + id, target: '_blank', id: 'as-public-link' },
      location.origin + '/public/association/' + id)),
    list.ok ? el('div', { id: 'as-notices' }, table([['as.noticeKind', n => kind(n.kind)], ['as.noticeTitle', n => n.title],
      ['as.publishFrom', n => n.publishFrom], ['as.publishUntil', n => n.publishUntil || ''],
      ['as.status', n => (n.withdrawnOn ? t('as.withdrawnOn') + ' ' + n.withdrawnOn : shown(n) ? t('as.shown') : t('as.notShown'))],
      ['as.withdraw', n => (!n.withdrawnOn && canWrite() ? button(t('as.withdraw'), () => withdraw(n), { id: 'as-withdraw-' + n.id }) : '')]],
    list.data)) : failure(list),
    canWrite() ? el('h3', {}, t('as.publish')) : null,
    canWrite() ? form('as-notice', [choice('noticeKind', ['POLICY', 'COMMITMENT', 'ACTIVITY', 'COMMENDATION', 'FINANCE']), input('noticeTitle'),
      el('label', {}, t('as.noticeBody'), el('textarea', { name: 'noticeBody', id: 'as-noticeBody', rows: 4 })),
      input('publishFrom', { type: 'date', value: today }), input('publishUntil', { type: 'date' })], 'as.publish', 'POST',
    API + '/associations/' + id + '/notices', f => ({ kind: value(f, 'noticeKind'), title: value(f, 'noticeTitle'), body: value(f, 'noticeBody'),
      publishFrom: value(f, 'publishFrom'), publishUntil: value(f, 'publishUntil') }), again) : null);
  });

  /**
   * One question's tally as a horizontal bar chart in inline SVG: per option its label, a bar scaled to the most
   * chosen option, the count and the share of those who answered the question. Text goes in as text nodes.
   */
  const SVG = 'http://www.w3.org/2000/svg';
  function svg(name, attrs, text) {
    const n = document.createElementNS(SVG, name);
    Object.entries(attrs || {}).forEach(([k, v]) => n.setAttribute(k, String(v)));
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function chart(q, id) {
    const row = 28, labelWidth = 180, barWidth = 300, width = labelWidth + barWidth + 90;
    const answered = q.counts.reduce((a, b) => a + b, 0);
    const most = Math.max(1, ...q.counts);
    const c = svg('svg', { class: 'as-chart', id: id, width: width, height: row * q.options.length + 8,
      viewBox: '0 0 ' + width + ' ' + (row * q.options.length + 8), role: 'img' });
    c.append(svg('title', {}, q.question));
    q.options.forEach((o, i) => {
      const y = 4 + i * row;
      const n = q.counts[i];
      const share = answered ? Math.round(100 * n / answered) + '%' : '—';
      const label = o.length > 14 ? o.slice(0, 13) + '…' : o;
      const w = Math.round(barWidth * n / most);
      c.append(svg('text', { x: labelWidth - 8, y: y + row / 2 + 5, 'text-anchor': 'end', class: 'as-chart-label' }, label),
        svg('rect', { x: labelWidth, y: y + 4, width: Math.max(w, n ? 2 : 0), height: row - 8, class: 'as-bar', 'data-count': n }),
        svg('text', { x: labelWidth + w + 6, y: y + row / 2 + 5, class: 'as-chart-value' }, n + ' (' + share + ')'));
    });
    return c;
  }

  // demand surveys: the questionnaire, paper responses, the public link, the tally with bars, the analysis
  const surveysPage = (id) => frame(id, 'as-surveys', async (body) => {
    const list = await get(API + '/associations/' + id + '/surveys');
    const again = () => surveysPage(id);
    const detail = el('div', { id: 'as-survey' });
    const open = async (s) => {
      const res = await get(API + '/associations/' + id + '/surveys/' + s.id + '/tally');
      if (!res.ok) { detail.replaceChildren(failure(res)); return; }
      const x = res.data;
      put(detail, el('h3', {}, x.title + ' · ' + t('as.responses') + ' ' + x.responses),
        s.closedOn ? null : el('p', {}, t('as.publicLink') + ' ', el('a', { href: '/public/association/survey/' + s.publicToken, target: '_blank', id: 'as-survey-link' },
          location.origin + '/public/association/survey/' + s.publicToken)),
        x.questions.map((q, qi) => el('div', { class: 'box as-tally' }, el('h4', {}, (qi + 1) + '. ' + q.question), chart(q, 'as-chart-' + qi))),
        el('p', {}, el('a', { href: API + '/associations/' + id + '/surveys/' + s.id + '/tally.xlsx', id: 'as-tally-xlsx' }, t('as.exportXlsx')), ' ',
          el('a', { href: API + '/associations/' + id + '/surveys/' + s.id + '/tally.pdf', id: 'as-tally-pdf' }, t('as.exportPdf'))),
        s.closedOn || !canWrite() ? null : form('as-paper', x.questions.map((q, qi) => el('label', {}, (qi + 1) + '. ' + q.question,
          el('select', { name: 'q' + qi }, el('option', { value: '-1' }, '—'), q.options.map((o, oi) => el('option', { value: oi }, o))))),
        'as.addPaper', 'POST', API + '/associations/' + id + '/surveys/' + s.id + '/responses',
        f => ({ answers: x.questions.map((q, qi) => Number(value(f, 'q' + qi))) }), () => open(s)),
        x.report ? el('p', { id: 'as-report' }, x.report) : null,
        s.closedOn || !canWrite() ? null : form('as-close', [el('label', {}, t('as.report'), el('textarea', { name: 'report', rows: 4 }))],
          'as.closeSurvey', 'POST', API + '/associations/' + id + '/surveys/' + s.id + '/close', f => ({ report: value(f, 'report') }), again));
    };
    put(body, el('h3', {}, t('as.surveys')), el('p', { class: 'muted' }, t('as.surveysHint')),
      list.ok ? el('div', { id: 'as-survey-list' }, table([['as.noticeTitle', s => s.title], ['as.openedOn', s => s.openedOn],
        ['as.responses', s => s.responses], ['as.status', s => (s.closedOn ? t('as.closed') : t('as.collecting'))]], list.data, open)) : failure(list),
      canWrite() ? form('as-survey-form', [input('surveyTitle'),
        el('label', {}, t('as.questionsHint'), el('textarea', { name: 'questions', id: 'as-questions', rows: 5, placeholder: '您最需要哪项服务？ | 养老照护 | 心理支持 | 优生优育指导' }))],
      'as.createSurvey', 'POST', API + '/associations/' + id + '/surveys', f => ({ title: value(f, 'surveyTitle'),
        questions: (value(f, 'questions') || '').split('\n').map(l => l.split('|').map(x => x.trim())).filter(p => p[0])
          .map(p => ({ text: p[0], options: p.slice(1).filter(x => x) })) }), again) : null,
      detail);
  });

  // commendations: nominate → council review → approve
  const commendationsPage = (id) => frame(id, 'as-commendations', async (body) => {
    const list = await get(API + '/associations/' + id + '/commendations');
    const again = () => commendationsPage(id);
    const decide = async (c, approve) => {
      const note = approve ? null : prompt(t('as.rejectReason'));
      if (!approve && !note) return;
      const res = await api('POST', API + '/associations/' + id + '/commendations/' + c.id + '/decision', { approve: approve, note: note, version: c.version });
      if (res.ok) again(); else alert(problem(res));
    };
    put(body, el('h3', {}, t('as.commendations')),
      list.ok ? el('div', { id: 'as-commendation-list' }, table([['as.year', c => c.year], ['as.commendationKind', c => kind(c.kind)], ['as.nominee', c => c.nominee],
        ['as.reason', c => c.reason], ['as.status', c => kind(c.status)],
        ['as.decide', c => ((c.status === 'NOMINATED' || c.status === 'REVIEWED') && canWrite()
          ? el('span', {}, button(t(c.status === 'NOMINATED' ? 'as.review' : 'as.approveIt'), () => decide(c, true), { id: 'as-decide-' + c.id }), ' ',
            button(t('as.reject'), () => decide(c, false))) : '')]], list.data)) : failure(list),
      canWrite() ? form('as-nominate', [choice('commendationKind', ['UNIT', 'WORKER', 'VOLUNTEER']), input('nominee'), input('reason'), input('year', { type: 'number', value: year() })],
        'as.nominate', 'POST', API + '/associations/' + id + '/commendations',
        f => ({ kind: value(f, 'commendationKind'), nominee: value(f, 'nominee'), reason: value(f, 'reason'), year: number(f, 'year') }), again) : null);
  });

  const ZH = {
    'as.title': '计生协会', 'as.stats': '协会统计年报', 'as.name': '名称', 'as.jurisdiction': '所属辖区', 'as.secretary': '协会秘书（账户）', 'as.secretaryName': '协会秘书',
    'as.foundedOn': '成立日期', 'as.newAssociation': '设立协会', 'as.create': '设立', 'as.jurisdictionCode': '辖区代码',
    'as.council': '理事会', 'as.members': '会员', 'as.contacts': '联系户', 'as.activities': '活动与培训', 'as.cases': '特殊家庭帮扶',
    'as.board': '公开栏', 'as.surveys': '需求调查', 'as.commendations': '表彰', 'as.terms': '历届理事会', 'as.termNo': '第',
    'as.current': '至今', 'as.position': '职务', 'as.personName': '姓名', 'as.newTerm': '换届', 'as.startedOn': '换届日期',
    'as.seatsHint': '新一届理事会（每行：职务 姓名）', 'as.note': '备注', 'as.elect': '完成换届', 'as.PRESIDENT': '会长',
    'as.VICE_PRESIDENT': '副会长', 'as.SECRETARY_GENERAL': '秘书长', 'as.DIRECTOR': '理事', 'as.phone': '电话', 'as.skills': '志愿服务特长',
    'as.status': '状态', 'as.appliedOn': '申请日期', 'as.decide': '理事会审批', 'as.approve': '批准入会', 'as.reject': '不予批准',
    'as.application': '登记入会申请', 'as.residentId': '居民编号（可选）', 'as.apply': '登记申请', 'as.APPLIED': '待审批',
    'as.REJECTED': '未批准', 'as.ACTIVE': '正式会员', 'as.LAPSED': '失效', 'as.LEFT': '已退会', 'as.groups': '会员小组',
    'as.residentGroup': '居民小组', 'as.leader': '组长', 'as.groupName': '小组名称', 'as.residentGroupCode': '居民小组代码',
    'as.leaderMemberId': '组长会员编号', 'as.addGroup': '设立小组', 'as.contactsHint': '每名会员联系 1–2 户；走访只记录服务（信息、帮助、转介），不记录健康、孕情或避孕信息。',
    'as.member': '会员', 'as.householdId': '户', 'as.householdNumber': '户号', 'as.head': '户主', 'as.assignedOn': '分配日期', 'as.lastVisit': '最近走访', 'as.visits': '走访次数',
    'as.assign': '分配联系户', 'as.visitsOf': '走访记录 · 户', 'as.visitedOn': '走访日期', 'as.kind': '类型', 'as.outcome': '结果',
    'as.recordedBy': '记录人', 'as.logVisit': '登记走访', 'as.INFORMATION': '信息服务', 'as.HELP': '帮扶', 'as.REFERRAL': '转介服务',
    'as.progress': '年度进度', 'as.largeRule': '全年至少两次大型活动', 'as.trainingRule': '会员每年培训两次（已达标/正式会员）',
    'as.heldOn': '日期', 'as.activityTitle': '活动名称', 'as.place': '地点', 'as.organisers': '组织者', 'as.personTimes': '服务人次',
    'as.leaflets': '发放资料（份）', 'as.items': '发放物品（件）', 'as.large': '大型活动', 'as.newActivity': '登记活动',
    'as.participants': '参加会员', 'as.otherParticipants': '其他参加人员（姓名，用逗号分隔）', 'as.record': '登记',
    'as.MEMBER_DAY': '5·29 会员活动日', 'as.PROMOTION': '宣传活动', 'as.FREE_CLINIC': '义诊', 'as.TRAINING': '培训', 'as.PROJECT': '项目活动',
    'as.casesHint': '计生特殊家庭帮扶档案仅限双岗联系人、协会秘书和主任查阅，每次查阅均记入审计日志。', 'as.familyKind': '家庭类别',
    'as.CHILD_DECEASED': '独生子女死亡', 'as.CHILD_DISABLED': '独生子女伤残', 'as.contactsAB': '双岗联系人', 'as.openedOn': '建档日期',
    'as.lastContact': '最近联系', 'as.due': '提醒', 'as.contactDue': '已超过一个月未联系', 'as.openCase': '建立帮扶档案',
    'as.contactA': '第一联系人（账户）', 'as.contactB': '第二联系人（账户）', 'as.benefitApplicationId': '特别扶助申请编号', 'as.open': '建档',
    'as.case': '帮扶档案', 'as.entryOn': '日期', 'as.amount': '慰问金（元）', 'as.addEntry': '登记', 'as.VISIT': '走访',
    'as.PSYCHOLOGICAL': '心理慰藉', 'as.GREEN_CHANNEL': '就医绿色通道', 'as.FAMILY_DOCTOR': '家庭医生签约', 'as.HOLIDAY_VISIT': '节日慰问',
    'as.OTHER': '其他', 'as.year': '年度', 'as.show': '查询', 'as.level': '层级', 'as.associations': '协会数', 'as.contactHouseholds': '联系户',
    'as.specialFamilies': '帮扶特殊家庭', 'as.exportXlsx': '导出 Excel', 'as.exportPdf': '导出 PDF',
    'as.publicAddress': '公开栏网址（无需登录）：', 'as.noticeKind': '类别', 'as.noticeTitle': '标题', 'as.noticeBody': '内容',
    'as.publishFrom': '公开日期', 'as.publishUntil': '截止日期', 'as.withdrawnOn': '已撤下', 'as.shown': '公开中', 'as.notShown': '未在公开期',
    'as.withdraw': '撤下', 'as.publish': '发布', 'as.POLICY': '政策公告', 'as.COMMITMENT': '服务承诺', 'as.ACTIVITY': '活动',
    'as.COMMENDATION': '表彰', 'as.FINANCE': '财务公开', 'as.responses': '答卷', 'as.publicLink': '公开填写链接（匿名）：',
    'as.addPaper': '录入纸质问卷', 'as.report': '分析报告', 'as.closeSurvey': '结束调查并保存报告', 'as.surveysHint': '问卷匿名：只保存选项，不保存姓名、证件号或住址；办公室只看汇总。',
    'as.openedOn': '开始日期', 'as.closed': '已结束', 'as.collecting': '收集中', 'as.surveyTitle': '调查名称',
    'as.questionsHint': '题目（每行：题目 | 选项1 | 选项2 …）', 'as.createSurvey': '建立调查', 'as.rejectReason': '不予通过的理由',
    'as.commendationKind': '表彰类别', 'as.nominee': '被提名人或单位', 'as.reason': '事迹', 'as.UNIT': '先进单位', 'as.WORKER': '先进工作者',
    'as.VOLUNTEER': '优秀志愿者', 'as.NOMINATED': '已提名', 'as.REVIEWED': '理事会已审核', 'as.APPROVED': '已批准', 'as.review': '理事会审核通过',
    'as.approveIt': '批准', 'as.nominate': '提名',
    'as.meetings': '会议', 'as.meetingKind': '会议类型', 'as.GROUP_MONTHLY': '会员小组月例会', 'as.YEARLY_COMMENDATION': '年度表彰大会',
    'as.group': '会员小组', 'as.topic': '会议主题', 'as.minutes': '会议记录', 'as.attendance': '出席情况（出席/缺席/请假）',
    'as.PRESENT': '出席', 'as.ABSENT': '缺席', 'as.EXCUSED': '请假', 'as.newMeeting': '登记会议', 'as.attachments': '附件',
    'as.fileName': '文件名', 'as.size': '大小', 'as.sha256': 'SHA-256 校验值', 'as.upload': '上传附件', 'as.remove': '删除',
    'as.saveMinutes': '保存会议记录', 'as.groupMeetingsHeld': '小组月例会（已开月数/应开月数）', 'as.commendationMeetings': '年度表彰大会',
    'as.meetingsHint': '会议只记录时间、地点、主题、出席情况和会议记录，不记录健康、孕情或避孕信息。',
    'as.filesHint': '可上传 PDF、图片、Word、Excel 或文本文件（不超过 5 MB），按内容检查类型，拒绝脚本、宏和可执行文件。'
  };
  const EN = {
    'as.title': 'Family planning association', 'as.stats': 'Yearly statistics', 'as.name': 'Name', 'as.jurisdiction': 'Jurisdiction',
    'as.secretary': 'Secretary (account)', 'as.secretaryName': 'Secretary', 'as.foundedOn': 'Founded', 'as.newAssociation': 'Set up an association', 'as.create': 'Set up',
    'as.jurisdictionCode': 'Jurisdiction code', 'as.council': 'Council', 'as.members': 'Members', 'as.contacts': 'Contact households',
    'as.activities': 'Activities', 'as.cases': 'Special families', 'as.board': 'Notice board', 'as.surveys': 'Demand surveys',
    'as.commendations': 'Commendations', 'as.terms': 'Council terms', 'as.termNo': 'Term', 'as.current': 'now', 'as.position': 'Position',
    'as.personName': 'Name', 'as.newTerm': 'New council term', 'as.startedOn': 'Starts on', 'as.seatsHint': 'New council (one per line: position name)',
    'as.note': 'Note', 'as.elect': 'Elect', 'as.PRESIDENT': 'President', 'as.VICE_PRESIDENT': 'Vice-president',
    'as.SECRETARY_GENERAL': 'Secretary-general', 'as.DIRECTOR': 'Director', 'as.phone': 'Phone', 'as.skills': 'Volunteer skills',
    'as.status': 'Status', 'as.appliedOn': 'Applied', 'as.decide': 'Council decision', 'as.approve': 'Admit', 'as.reject': 'Reject',
    'as.application': 'Record an application', 'as.residentId': 'Resident id (optional)', 'as.apply': 'Record', 'as.APPLIED': 'applied',
    'as.REJECTED': 'rejected', 'as.ACTIVE': 'active', 'as.LAPSED': 'lapsed', 'as.LEFT': 'left', 'as.groups': 'Member groups',
    'as.residentGroup': 'Resident group', 'as.leader': 'Leader', 'as.groupName': 'Group name', 'as.residentGroupCode': 'Resident group code',
    'as.leaderMemberId': 'Leader (member id)', 'as.addGroup': 'Add group',
    'as.contactsHint': 'Each member looks after 1–2 households; visits record services only (information, help, referral), never health, pregnancy or contraception.',
    'as.member': 'Member', 'as.householdId': 'Household', 'as.householdNumber': 'Household number', 'as.head': 'head', 'as.assignedOn': 'Assigned', 'as.lastVisit': 'Last visit', 'as.visits': 'Visits',
    'as.assign': 'Assign', 'as.visitsOf': 'Visits · household', 'as.visitedOn': 'Date', 'as.kind': 'Kind', 'as.outcome': 'Outcome',
    'as.recordedBy': 'Recorded by', 'as.logVisit': 'Log visit', 'as.INFORMATION': 'information', 'as.HELP': 'help', 'as.REFERRAL': 'referral',
    'as.progress': 'Progress', 'as.largeRule': 'At least two large activities a year', 'as.trainingRule': 'Members trained twice a year (met / active)',
    'as.heldOn': 'Date', 'as.activityTitle': 'Title', 'as.place': 'Place', 'as.organisers': 'Organisers', 'as.personTimes': 'Person-times',
    'as.leaflets': 'Leaflets', 'as.items': 'Items handed out', 'as.large': 'Large', 'as.newActivity': 'Record an activity',
    'as.participants': 'Participating members', 'as.otherParticipants': 'Other participants (names, comma-separated)', 'as.record': 'Record',
    'as.MEMBER_DAY': '5·29 member day', 'as.PROMOTION': 'Promotion', 'as.FREE_CLINIC': 'Free clinic', 'as.TRAINING': 'Training', 'as.PROJECT': 'Project',
    'as.casesHint': 'A special-family case is open only to its two contacts, the association secretary and directors; every read is audited.',
    'as.familyKind': 'Family', 'as.CHILD_DECEASED': 'only child deceased', 'as.CHILD_DISABLED': 'only child disabled', 'as.contactsAB': 'Two contacts',
    'as.openedOn': 'Opened', 'as.lastContact': 'Last contact', 'as.due': 'Reminder', 'as.contactDue': 'No contact for over a month',
    'as.openCase': 'Open a case', 'as.contactA': 'First contact (account)', 'as.contactB': 'Second contact (account)',
    'as.benefitApplicationId': 'Special-support application', 'as.open': 'Open', 'as.case': 'Case', 'as.entryOn': 'Date',
    'as.amount': 'Solatium (yuan)', 'as.addEntry': 'Add', 'as.VISIT': 'visit', 'as.PSYCHOLOGICAL': 'psychological support',
    'as.GREEN_CHANNEL': 'medical green channel', 'as.FAMILY_DOCTOR': 'family doctor signed', 'as.HOLIDAY_VISIT': 'holiday visit',
    'as.OTHER': 'other', 'as.year': 'Year', 'as.show': 'Show', 'as.level': 'Level', 'as.associations': 'Associations',
    'as.contactHouseholds': 'Contact households', 'as.specialFamilies': 'Special families supported', 'as.exportXlsx': 'Export Excel', 'as.exportPdf': 'Export PDF',
    'as.publicAddress': 'Public address (no login):', 'as.noticeKind': 'Kind', 'as.noticeTitle': 'Title', 'as.noticeBody': 'Text',
    'as.publishFrom': 'From', 'as.publishUntil': 'Until', 'as.withdrawnOn': 'withdrawn', 'as.shown': 'shown', 'as.notShown': 'not shown now',
    'as.withdraw': 'Withdraw', 'as.publish': 'Publish', 'as.POLICY': 'Policy', 'as.COMMITMENT': 'Service commitment', 'as.ACTIVITY': 'Activity',
    'as.COMMENDATION': 'Commendation', 'as.FINANCE': 'Finance', 'as.responses': 'Responses', 'as.publicLink': 'Public link (anonymous):',
    'as.addPaper': 'Enter a paper questionnaire', 'as.report': 'Analysis', 'as.closeSurvey': 'Close and keep the analysis',
    'as.surveysHint': 'Anonymous: only the options chosen are kept, never a name, ID or address; the office sees tallies only.',
    'as.openedOn': 'Opened', 'as.closed': 'closed', 'as.collecting': 'collecting', 'as.surveyTitle': 'Survey title',
    'as.questionsHint': 'Questions (one per line: question | option 1 | option 2 …)', 'as.createSurvey': 'Create survey',
    'as.rejectReason': 'Reason for rejecting', 'as.commendationKind': 'Kind', 'as.nominee': 'Nominee', 'as.reason': 'Reason',
    'as.UNIT': 'Outstanding unit', 'as.WORKER': 'Outstanding worker', 'as.VOLUNTEER': 'Outstanding volunteer', 'as.NOMINATED': 'nominated',
    'as.REVIEWED': 'reviewed by the council', 'as.APPROVED': 'approved', 'as.review': 'Council review: pass', 'as.approveIt': 'Approve',
    'as.nominate': 'Nominate',
    'as.meetings': 'Meetings', 'as.meetingKind': 'Kind of meeting', 'as.GROUP_MONTHLY': 'Monthly group meeting',
    'as.YEARLY_COMMENDATION': 'Yearly commendation meeting', 'as.group': 'Member group', 'as.topic': 'Topic', 'as.minutes': 'Minutes',
    'as.attendance': 'Attendance (present / absent / excused)', 'as.PRESENT': 'present', 'as.ABSENT': 'absent', 'as.EXCUSED': 'excused',
    'as.newMeeting': 'Record a meeting', 'as.attachments': 'Attachments', 'as.fileName': 'File', 'as.size': 'Size', 'as.sha256': 'SHA-256',
    'as.upload': 'Upload', 'as.remove': 'Remove', 'as.saveMinutes': 'Save minutes',
    'as.groupMeetingsHeld': 'Monthly group meetings held (months held / due)', 'as.commendationMeetings': 'Yearly commendation meetings',
    'as.meetingsHint': 'A meeting records date, place, topic, attendance and minutes only — never health, pregnancy or contraception.',
    'as.filesHint': 'PDF, image, Word, Excel or text files up to 5 MB, checked by content; scripts, macros and programs are refused.'
  };

  if (!document.getElementById('as-css')) {
    document.head.append(el('link', { rel: 'stylesheet', href: '/ui/modules/association/association.css', id: 'as-css' }));
  }
  R.register('association', {
    text: { zh: ZH, en: EN },
    routes: { 'association': () => overview(), 'as-council': councilPage, 'as-members': membersPage, 'as-contacts': contactsPage,
      'as-activities': activitiesPage, 'as-cases': casesPage, 'as-case': casePage, 'as-stats': statsPage,
      'as-board': boardPage, 'as-surveys': surveysPage, 'as-commendations': commendationsPage, 'as-meetings': meetingsPage }
  });
})();
