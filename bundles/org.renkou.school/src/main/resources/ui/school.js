// Pages of the population school module (人口学校), served by the module itself and loaded by the shell while the
// module is on. Built only with the shell's helpers (window.Renkou): data reaches the page as text nodes (el), every
// write carries the CSRF header (api), words come from t() in Chinese or English.
(function () {
  'use strict';
  const R = window.Renkou;
  if (!R) return;
  const { el, t, api, get, show, table, message, say, problem, failure } = R;
  const API = '/api/school';
  const clean = (nodes) => nodes.flat().filter(n => n !== null && n !== undefined && n !== false);
  const view = (...nodes) => show(...clean(nodes));
  const link = (hash, text, id) => el('a', { href: '#/' + hash, id: id }, text);
  const button = (text, onclick, attrs) => el('button', Object.assign({ type: 'button', onclick: onclick }, attrs || {}), text);
  const select = (name, options, attrs) => el('select', Object.assign({ name: name }, attrs || {}),
    options.map(([value, text]) => el('option', { value: value }, text)));
  const labelled = (key, control) => el('label', {}, t(key), control);
  const value = (form, name) => { const v = new FormData(form).get(name); return v === null || v === '' ? null : String(v).trim(); };
  const number = (form, name) => { const v = value(form, name); return v === null ? null : Number(v); };
  const teaches = () => R.has('TEACHER', 'DIRECTOR');
  const year = () => new Date().getFullYear();
  const today = () => new Date().toISOString().slice(0, 10);
  async function submit(msg, method, path, body, done) {
    const res = await api(method, path, body);
    if (res.ok) await done(res.data); else say(msg, problem(res));
    return res;
  }
  /** A form that posts its named fields (numbers where asked) and then calls done. */
  function form(id, fields, submitKey, path, done, extra, inside) {
    const msg = message();
    const f = el('form', { class: 'inline', id: id }, fields.map(([name, key, control]) => labelled(key, control || el('input', { name: name }))),
      inside || [], el('button', { type: 'submit', class: 'primary' }, t(submitKey)), msg);
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      const body = {};
      fields.forEach(([name, , control, kind]) => { body[name] = kind === 'number' ? number(f, name) : value(f, name); });
      Object.assign(body, extra ? extra(f) : {});
      submit(msg, 'POST', path, body, done);
    });
    return f;
  }
  let vocab = null;
  async function curriculum() {
    if (!vocab) { const r = await get(API + '/curriculum'); vocab = r.ok ? r.data : { stages: {}, topics: {}, groups: {} }; }
    return vocab;
  }
  const word = (map, key) => (R.lang() === 'en' ? t('sc.' + key) : (map[key] || key));

  // ---- schools ------------------------------------------------------------------------------------------------
  async function schools(attempt) {
    const list = await get(API + '/schools');
    // just switched on: the entry can be listed a moment before the API answers
    if ((list.status === 404 || list.status === 503) && (attempt || 0) < 10) {
      await new Promise(resolve => setTimeout(resolve, 500));
      return schools((attempt || 0) + 1);
    }
    if (!list.ok) { view(el('h2', {}, t('sc.title')), failure(list)); return; }
    view(el('h2', {}, t('sc.title')),
      R.has('DIRECTOR', 'STATISTICIAN', 'ADMIN', 'TEACHER') ? el('p', {}, link('sc-coverage', t('sc.coverage'), 'sc-link-coverage')) : null,
      el('div', { id: 'sc-schools' }, table([['sc.name', s => s.name], ['sc.jurisdiction', s => s.jurisdictionName || R.code(s.jurisdictionCode)],
        ['sc.classroom', s => s.classroom || '']], list.data, s => { location.hash = '#/sc-school/' + s.id; })),
      R.has('DIRECTOR', 'ADMIN') ? [el('h3', {}, t('sc.addSchool')),
        form('sc-school-form', [['name', 'sc.name'], ['jurisdictionCode', 'sc.jurisdictionCode'], ['classroom', 'sc.classroom']],
          'sc.create', API + '/schools', () => schools())] : null);
  }

  // ---- one school: courses, teachers, plan, classes, equipment ------------------------------------------------
  async function school(id) {
    const [s, courses, teachers, classes, equipment, plan, v] = await Promise.all([get(API + '/schools/' + id),
      get(API + '/schools/' + id + '/courses'), get(API + '/schools/' + id + '/teachers'), get(API + '/schools/' + id + '/classes'),
      get(API + '/schools/' + id + '/equipment'), get(API + '/schools/' + id + '/plan/' + year()), curriculum()]);
    if (!s.ok) { view(failure(s)); return; }
    const again = () => school(id);
    const teacherOptions = (teachers.ok ? teachers.data : []).map(x => [x.id, x.name + (x.organisation ? '（' + x.organisation + '）' : '')]);
    const courseOptions = (courses.ok ? courses.data : []).map(c => [c.id, c.title]);
    const stageBoxes = el('div', { class: 'sc-stages' }, Object.keys(v.stages).map(k =>
      el('label', { class: 'sc-check' }, el('input', { type: 'checkbox', name: 'stage', value: k }), word(v.stages, k))));
    view(el('p', {}, link('school', '‹ ' + t('sc.title'))),
      el('h2', { id: 'sc-school-name' }, s.data.name + ' · ' + (s.data.jurisdictionName || '')),
      el('p', {}, link('sc-summary/' + id + '?year=' + year(), t('sc.summary') + ' ' + year(), 'sc-link-summary')),
      el('h3', {}, t('sc.classes')),
      el('div', { id: 'sc-classes' }, classes.ok ? table([['sc.className', c => c.name], ['sc.startsOn', c => c.startsOn],
        ['sc.enrolled', c => c.enrolled]], classes.data, c => { location.hash = '#/sc-class/' + c.id; }) : failure(classes)),
      teaches() ? form('sc-class-form', [['name', 'sc.className'], ['courseId', 'sc.course', select('courseId', courseOptions), 'number'],
        ['teacherId', 'sc.teacher', select('teacherId', teacherOptions), 'number'],
        ['startsOn', 'sc.startsOn', el('input', { name: 'startsOn', type: 'date', value: today() })]],
      'sc.create', API + '/schools/' + id + '/classes', again) : null,
      el('h3', {}, t('sc.courses')),
      el('div', { id: 'sc-courses' }, courses.ok ? table([['sc.courseTitle', c => c.title],
        ['sc.stages', c => c.stages.map(k => word(v.stages, k)).join('、')], ['sc.topic', c => word(v.topics, c.topic)],
        ['sc.hours', c => c.hours], ['sc.passMark', c => c.passMark], ['sc.maxAbsences', c => c.maxAbsences],
        ['sc.maxAttempts', c => c.maxAttempts]], courses.data) : failure(courses)),
      teaches() ? form('sc-course-form', [['title', 'sc.courseTitle'],
        ['topic', 'sc.topic', select('topic', Object.keys(v.topics).map(k => [k, word(v.topics, k)]))],
        ['hours', 'sc.hours', el('input', { name: 'hours', type: 'number', value: 4 }), 'number'],
        ['passMark', 'sc.passMark', el('input', { name: 'passMark', type: 'number', value: 60 }), 'number'],
        ['maxAbsences', 'sc.maxAbsences', el('input', { name: 'maxAbsences', type: 'number', value: 1 }), 'number'],
        ['maxAttempts', 'sc.maxAttempts', el('input', { name: 'maxAttempts', type: 'number', value: 2 }), 'number']],
      'sc.create', API + '/schools/' + id + '/courses', again,
      f => ({ stages: [...f.querySelectorAll('input[name=stage]:checked')].map(b => b.value) }), [stageBoxes]) : null,
      el('h3', {}, t('sc.plan') + ' ' + year()),
      el('div', { id: 'sc-plan' }, plan.ok ? table([['sc.heldOn', x => x.heldOn], ['sc.sessionTopic', x => x.topic],
        ['sc.targetGroup', x => x.targetGroup], ['sc.teacher', x => (teacherOptions.find(o => o[0] === x.teacherId) || ['', ''])[1]]],
      plan.data) : failure(plan)),
      teaches() ? form('sc-session-form', [['heldOn', 'sc.heldOn', el('input', { name: 'heldOn', type: 'date', value: today() })],
        ['topic', 'sc.sessionTopic'], ['targetGroup', 'sc.targetGroup'],
        ['teacherId', 'sc.teacher', select('teacherId', teacherOptions), 'number'],
        ['classId', 'sc.class', select('classId', [['', '—']].concat((classes.ok ? classes.data : []).map(c => [c.id, c.name]))), 'number']],
      'sc.add', API + '/schools/' + id + '/sessions', again) : null,
      el('h3', {}, t('sc.teachers')),
      el('div', { id: 'sc-teachers' }, teachers.ok ? table([['sc.name', x => x.name], ['sc.username', x => x.username || ''],
        ['sc.organisation', x => x.organisation || '']], teachers.data) : failure(teachers)),
      R.has('DIRECTOR', 'ADMIN') ? form('sc-teacher-form', [['username', 'sc.username'], ['name', 'sc.name'], ['organisation', 'sc.organisation']],
        'sc.add', API + '/schools/' + id + '/teachers', again) : null,
      el('h3', {}, t('sc.equipment')),
      el('div', { id: 'sc-equipment' }, equipment.ok ? table([['sc.item', x => x.item], ['sc.category', x => t('sc.' + x.category)],
        ['sc.quantity', x => x.quantity], ['sc.state', x => t('sc.' + x.state)], ['sc.keeper', x => x.keeper],
        ['sc.checkedOn', x => x.checkedOn]], equipment.data) : failure(equipment)),
      teaches() ? form('sc-equipment-form', [['item', 'sc.item'],
        ['category', 'sc.category', select('category', ['EQUIPMENT', 'BOOK', 'MATERIAL'].map(k => [k, t('sc.' + k)]))],
        ['quantity', 'sc.quantity', el('input', { name: 'quantity', type: 'number', value: 1 }), 'number'],
        ['state', 'sc.state', select('state', ['GOOD', 'WORN', 'BROKEN'].map(k => [k, t('sc.' + k)]))], ['keeper', 'sc.keeper']],
      'sc.add', API + '/schools/' + id + '/equipment', again) : null);
  }

  // ---- one class: roster, sessions, exams ---------------------------------------------------------------------
  async function klass(id) {
    const [c, roster, sessions, exams, v] = await Promise.all([get(API + '/classes/' + id), get(API + '/classes/' + id + '/roster'),
      get(API + '/classes/' + id + '/sessions'), get(API + '/classes/' + id + '/exams'), curriculum()]);
    if (!c.ok) { view(failure(c)); return; }
    const again = () => klass(id);
    const gmsg = message();
    const group = el('form', { class: 'inline', id: 'sc-group-form' },
      labelled('sc.targetGroup', select('targetGroup', Object.keys(v.groups).map(k => [k, word(v.groups, k)]))),
      el('button', { type: 'submit', class: 'primary', id: 'sc-enrol-group' }, t('sc.enrolGroup')), gmsg);
    group.addEventListener('submit', (e) => {
      e.preventDefault();
      submit(gmsg, 'POST', API + '/classes/' + id + '/enrolments/group', { targetGroup: value(group, 'targetGroup') },
        () => again());
    });
    const lines = roster.ok ? roster.data : [];
    view(el('p', {}, link('sc-school/' + c.data.schoolId, '‹ ' + t('sc.school'))),
      el('h2', { id: 'sc-class-name' }, c.data.name + ' · ' + t('sc.enrolled') + ' ' + c.data.enrolled),
      el('h3', {}, t('sc.sessions')),
      el('div', { id: 'sc-sessions' }, sessions.ok ? table([['sc.heldOn', x => x.heldOn], ['sc.sessionTopic', x => x.topic],
        ['sc.attendance', x => link('sc-attend/' + id + '?session=' + x.id, t('sc.takeAttendance'), 'sc-attend-' + x.id)],
        ['sc.files', x => link('sc-files/' + x.id + '?class=' + id, t('sc.files'), 'sc-files-' + x.id)]],
      sessions.data) : failure(sessions)),
      el('h3', {}, t('sc.exams')),
      el('div', { id: 'sc-exams' }, exams.ok ? table([['sc.attempt', x => (x.makeUp ? t('sc.makeUp') + ' ' + (x.attempt - 1) : t('sc.exam'))],
        ['sc.heldOn', x => x.heldOn], ['sc.scores', x => link('sc-exam/' + x.id + '?class=' + id, t('sc.scores'), 'sc-exam-' + x.id)]],
      exams.data) : failure(exams)),
      teaches() ? el('div', { class: 'toolbar' },
        button(t('sc.newExam'), async () => { const r = await api('POST', API + '/classes/' + id + '/exams',
          { heldOn: today(), makeUp: (exams.ok && exams.data.length > 0) }); if (r.ok) again(); else say(gmsg, problem(r)); }, { id: 'sc-new-exam' }),
        ' ', button(t('sc.graduate'), async () => { const r = await api('POST', API + '/classes/' + id + '/graduate');
          if (r.ok) { await again(); } else say(gmsg, problem(r)); }, { id: 'sc-graduate' })) : null,
      el('h3', {}, t('sc.roster')),
      R.has('TEACHER', 'DIRECTOR', 'FAMILY_SERVICES') ? [group,
        form('sc-enrol-form', [['residentId', 'sc.residentId', el('input', { name: 'residentId', type: 'number' }), 'number']],
          'sc.enrol', API + '/classes/' + id + '/enrolments', again)] : null,
      el('div', { id: 'sc-roster' }, roster.ok ? table([['sc.residentName', x => x.residentName], ['sc.status', x => t('sc.' + x.status)],
        ['sc.absences', x => el('span', { class: x.overAbsences ? 'sc-badge sc-over' : null }, String(x.absences))],
        ['sc.enrolledOn', x => x.enrolledOn],
        ['sc.certificate', x => (x.certificateCode ? el('a', { href: API + '/enrolments/' + x.id + '/certificate', target: '_blank' },
          t('sc.certificate') + ' ' + x.certificateCode) : '')],
        ['', x => (x.status === 'ENROLLED' ? button(t('sc.decline'), async () => {
          const r = await api('POST', API + '/enrolments/' + x.id + '/decline', { reason: null }); if (r.ok) again(); else say(gmsg, problem(r)); }) : '')]],
      lines) : failure(roster)));
  }

  // ---- attendance, phone-sized: one tap per person, one save --------------------------------------------------
  const MARKS = ['PRESENT', 'LATE', 'EXCUSED', 'ABSENT'];
  async function attend(classId, query) {
    const session = query && query.get ? query.get('session') : (query || {}).session;
    const [roster, taken] = await Promise.all([get(API + '/classes/' + classId + '/roster'), get(API + '/sessions/' + session + '/attendance')]);
    if (!roster.ok) { view(failure(roster)); return; }
    const marks = new Map();
    (taken.ok ? taken.data : []).forEach(m => marks.set(m.enrolmentId, m.mark));
    const lines = roster.data.filter(x => x.status !== 'DECLINED');
    lines.forEach(x => { if (!marks.has(x.id)) marks.set(x.id, 'PRESENT'); });
    const msg = message();
    const row = (x) => {
      const buttons = MARKS.map(m => el('button', { type: 'button', class: 'sc-mark sc-' + m + (marks.get(x.id) === m ? ' on' : ''),
        'data-mark': m, onclick: (e) => { marks.set(x.id, m); [...e.target.parentNode.children].forEach(b => b.classList.toggle('on', b === e.target)); } },
      t('sc.' + m)));
      return el('li', { class: 'sc-line' }, el('span', { class: 'sc-who' }, x.residentName), el('span', { class: 'sc-marks' }, buttons));
    };
    const save = async () => {
      const body = lines.map(x => ({ enrolmentId: x.id, mark: marks.get(x.id) }));
      const r = await api('PUT', API + '/sessions/' + session + '/attendance', body);
      say(msg, r.ok ? t('sc.saved') + ' ' + r.data.saved : problem(r));
    };
    view(el('div', { class: 'sc-phone', id: 'sc-attendance' },
      el('p', {}, link('sc-class/' + classId, '‹ ' + t('sc.class'))),
      el('h2', {}, t('sc.attendance') + ' · ' + lines.length),
      el('ul', { class: 'sc-lines' }, lines.map(row)),
      el('div', { class: 'sc-save' }, button(t('sc.save'), save, { id: 'sc-save-attendance', class: 'primary' }), msg)));
  }

  // ---- exam: scores in, results read with a reason (audited) ---------------------------------------------------
  async function exam(examId, query) {
    const classId = query && query.get ? query.get('class') : (query || {}).class;
    const roster = await get(API + '/classes/' + classId + '/roster');
    if (!roster.ok) { view(failure(roster)); return; }
    const msg = message();
    const lines = roster.data.filter(x => x.status === 'ENROLLED');
    const scoreForm = el('form', { id: 'sc-score-form' }, el('ul', { class: 'sc-lines' }, lines.map(x => el('li', { class: 'sc-line' },
      el('span', { class: 'sc-who' }, x.residentName), el('input', { type: 'number', min: 0, max: 100, name: 'e' + x.id, class: 'sc-score' })))),
    el('button', { type: 'submit', class: 'primary', id: 'sc-save-scores' }, t('sc.save')), msg);
    scoreForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = lines.map(x => ({ enrolmentId: x.id, score: number(scoreForm, 'e' + x.id) })).filter(s => s.score !== null);
      const r = await api('PUT', API + '/exams/' + examId + '/scores', body);
      say(msg, r.ok ? t('sc.saved') + ' ' + r.data.saved : problem(r));
    });
    const out = el('div', { id: 'sc-results' });
    const rmsg = message();
    const reasonForm = el('form', { class: 'inline', id: 'sc-results-form' }, labelled('sc.reason', el('input', { name: 'reason' })),
      el('button', { type: 'submit' }, t('sc.readResults')), rmsg);
    reasonForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const r = await get(API + '/exams/' + examId + '/results?reason=' + encodeURIComponent(value(reasonForm, 'reason') || ''));
      if (!r.ok) { say(rmsg, problem(r)); return; }
      out.replaceChildren(table([['sc.residentName', x => x.residentName], ['sc.score', x => x.score],
        ['sc.passed', x => (x.passed ? t('sc.pass') : t('sc.fail'))]], r.data));
    });
    view(el('p', {}, link('sc-class/' + classId, '‹ ' + t('sc.class'))), el('h2', {}, t('sc.scores')),
      el('p', { class: 'muted' }, t('sc.scoresHint')),
      teaches() ? el('p', {}, link('sc-paper/' + examId + '?class=' + classId, t('sc.paper'), 'sc-link-paper')) : null,
      teaches() ? scoreForm : null, el('h3', {}, t('sc.results')), reasonForm, out);
  }

  // ---- exam paper (考卷): question bank, paper, answer form per person, marking short answers ------------------
  const KINDS = ['SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'SHORT'];
  const LETTERS = 'ABCDEFGH';
  async function paper(examId, query) {
    const classId = query && query.get ? query.get('class') : (query || {}).class;
    const again = () => paper(examId, query);
    const [c, p] = await Promise.all([get(API + '/classes/' + classId), get(API + '/exams/' + examId + '/paper')]);
    if (!c.ok) { view(failure(c)); return; }
    const back = el('p', {}, link('sc-exam/' + examId + '?class=' + classId, '‹ ' + t('sc.scores')));
    if (!p.ok && p.status !== 404) { view(back, failure(p)); return; }
    if (!p.ok) { await assemble(examId, c.data.courseId, back, again); return; }
    const roster = await get(API + '/classes/' + classId + '/roster');
    const lines = roster.ok ? roster.data.filter(x => x.status === 'ENROLLED') : [];
    const msg = message();
    const question = (q) => el('li', { class: 'sc-question', id: 'sc-q-' + q.id },
      el('p', {}, q.text + ' （' + t('sc.k.' + q.kind) + ' · ' + q.points + ' ' + t('sc.points') + '）'),
      q.kind === 'SHORT' ? el('textarea', { name: 'q' + q.id, rows: 3 })
        : (q.kind === 'TRUE_FALSE' ? [['TRUE', t('sc.true')], ['FALSE', t('sc.false')]] : q.options.map((o, k) => [LETTERS[k], LETTERS[k] + '. ' + o]))
          .map(([v, text]) => el('label', { class: 'sc-check' },
            el('input', { type: q.kind === 'MULTIPLE' ? 'checkbox' : 'radio', name: 'q' + q.id, value: v }), text)));
    const sheet = el('form', { id: 'sc-sheet-form' },
      labelled('sc.residentName', select('enrolmentId', [['', '—']].concat(lines.map(x => [x.id, x.residentName])))),
      el('ol', { class: 'sc-questions' }, p.data.questions.map(q => question(q))),
      el('button', { type: 'submit', class: 'primary', id: 'sc-submit-sheet' }, t('sc.submitSheet')), msg);
    sheet.addEventListener('submit', async (e) => {
      e.preventDefault();
      const fd = new FormData(sheet);
      const answers = p.data.questions.map(q => ({ questionId: q.id, answer: fd.getAll('q' + q.id).join('') || null }))
        .filter(a => a.answer !== null);
      const r = await api('POST', API + '/papers/' + p.data.id + '/sheets', { enrolmentId: number(sheet, 'enrolmentId'), answers: answers });
      if (!r.ok) { say(msg, problem(r)); return; }
      sheet.reset();
      say(msg, t('sc.sheetIn') + (r.data.toMark ? ' ' + t('sc.toMark') + ' ' + r.data.toMark : ''));
    });
    // answer sheets: read with a reason (audited), short answers marked here
    const out = el('div', { id: 'sc-sheets' });
    const rmsg = message();
    const byId = Object.fromEntries(p.data.questions.map(q => [q.id, q]));
    const marking = (s) => {
      const pending = s.answers.filter(a => a.points === null);
      if (!pending.length) return null;
      const m = message();
      const f = el('form', { class: 'inline sc-marks', id: 'sc-marks-' + s.id }, pending.map(a => el('label', {},
        (byId[a.questionId] || {}).text + '：' + (a.answer || ''),
        el('input', { type: 'number', min: 0, max: a.maxPoints, name: 'm' + a.questionId, class: 'sc-score' }), '/ ' + a.maxPoints)),
      el('button', { type: 'submit' }, t('sc.mark')), m);
      f.addEventListener('submit', async (e) => {
        e.preventDefault();
        const marks = pending.map(a => ({ questionId: a.questionId, points: number(f, 'm' + a.questionId) })).filter(x => x.points !== null);
        const r = await api('PUT', API + '/sheets/' + s.id + '/marks', marks);
        say(m, r.ok ? t('sc.saved') + (r.data.toMark ? ' · ' + t('sc.toMark') + ' ' + r.data.toMark : '') : problem(r));
      });
      return f;
    };
    const reasonForm = el('form', { class: 'inline', id: 'sc-sheets-form' }, labelled('sc.reason', el('input', { name: 'reason' })),
      el('button', { type: 'submit' }, t('sc.readSheets')), rmsg);
    reasonForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const r = await get(API + '/papers/' + p.data.id + '/sheets?reason=' + encodeURIComponent(value(reasonForm, 'reason') || ''));
      if (!r.ok) { say(rmsg, problem(r)); return; }
      out.replaceChildren(table([['sc.residentName', x => x.residentName], ['sc.status', x => t('sc.' + x.status)],
        ['sc.score', x => (x.score === null ? '' : x.score)], ['sc.passed', x => (x.passed === null ? '' : x.passed ? t('sc.pass') : t('sc.fail'))]],
      r.data), r.data.map(marking).filter(Boolean));
    });
    view(back, el('h2', {}, t('sc.paper')),
      el('p', { class: 'muted' }, t('sc.paperHint') + ' ' + t('sc.passMark') + ' ' + p.data.passMark + ' · ' + t('sc.total') + ' ' + p.data.totalPoints),
      sheet, el('h3', {}, t('sc.sheets')), el('p', { class: 'muted' }, t('sc.scoresHint')), reasonForm, out);
  }

  /** No paper yet: the course's question bank, new questions, and the paper assembled from the ticked ones. */
  async function assemble(examId, courseId, back, again) {
    const bank = await get(API + '/courses/' + courseId + '/questions');
    if (!bank.ok) { view(back, failure(bank)); return; }
    const msg = message();
    const pick = el('form', { id: 'sc-paper-form' }, el('ul', { class: 'sc-lines' }, bank.data.map(q => el('li', { class: 'sc-line' },
      el('label', { class: 'sc-check' }, el('input', { type: 'checkbox', name: 'q', value: q.id }),
        q.text + ' （' + t('sc.k.' + q.kind) + ' · ' + q.points + ' ' + t('sc.points') + (q.answer ? ' · ' + t('sc.answer') + ' ' + q.answer : '') + '）')))),
    el('button', { type: 'submit', class: 'primary', id: 'sc-create-paper' }, t('sc.createPaper')), msg);
    pick.addEventListener('submit', (e) => {
      e.preventDefault();
      const ids = [...pick.querySelectorAll('input[name=q]:checked')].map(b => Number(b.value));
      submit(msg, 'POST', API + '/exams/' + examId + '/paper', { questionIds: ids }, again);
    });
    const options = el('textarea', { name: 'options', rows: 4, placeholder: t('sc.optionsHint') });
    view(back, el('h2', {}, t('sc.paper')), el('p', { class: 'muted' }, t('sc.noPaper')),
      el('h3', {}, t('sc.bank')), pick,
      el('h3', {}, t('sc.addQuestion')),
      form('sc-question-form', [['kind', 'sc.kind', select('kind', KINDS.map(k => [k, t('sc.k.' + k)]))], ['text', 'sc.questionText'],
        ['answer', 'sc.answer'], ['points', 'sc.points', el('input', { name: 'points', type: 'number', value: 10 }), 'number']],
      'sc.add', API + '/courses/' + courseId + '/questions', again,
      f => { const o = value(f, 'options'); return { options: o ? o.split('\n').map(x => x.trim()).filter(Boolean) : null }; },
      [labelled('sc.options', options)]));
  }

  // ---- coverage per quarter: figures only, Excel / PDF export -------------------------------------------------
  async function coverage(arg, query) {
    const d = new Date();
    const quarter = (query && query.get && query.get('quarter')) || (d.getFullYear() + 'Q' + (Math.floor(d.getMonth() / 3) + 1));
    const r = await get(API + '/coverage?quarter=' + encodeURIComponent(quarter));
    const pct = (v) => (v === null || v === undefined ? '—' : v + '%');
    const qform = el('form', { class: 'inline', id: 'sc-quarter-form' }, labelled('sc.quarter', el('input', { name: 'quarter', value: quarter })),
      el('button', { type: 'submit' }, t('sc.show')));
    qform.addEventListener('submit', (e) => { e.preventDefault(); location.hash = '#/sc-coverage?quarter=' + encodeURIComponent(value(qform, 'quarter') || ''); });
    view(el('p', {}, link('school', '‹ ' + t('sc.title'))), el('h2', {}, t('sc.coverage') + ' ' + quarter), qform,
      el('div', { id: 'sc-coverage' }, r.ok ? table([['sc.school', x => x.school], ['sc.jurisdiction', x => x.jurisdiction],
        ['sc.sessionsHeld', x => el('span', { class: x.meetsRule ? null : 'sc-badge sc-over' }, String(x.sessions))],
        ['sc.personTimes', x => x.personTimes], ['sc.peopleReached', x => x.peopleReached], ['sc.targetWomen', x => (x.targetGroup == null ? '—' : x.targetGroup)],
        ['sc.reached', x => pct(x.reachedPercent)], ['sc.passRate', x => pct(x.passPercent)]], r.data.rows) : failure(r)),
      el('p', { class: 'muted' }, t('sc.rule')),
      el('p', {}, el('a', { href: API + '/coverage?format=xlsx&quarter=' + encodeURIComponent(quarter), id: 'sc-coverage-xlsx' }, 'Excel'), ' · ',
        el('a', { href: API + '/coverage?format=pdf&quarter=' + encodeURIComponent(quarter), id: 'sc-coverage-pdf' }, 'PDF')));
  }

  // ---- slots of the core's pages (MenuEntry.slots): the dashboard card, the panel on a resident's page ------------
  const pct = (v) => (v === null || v === undefined ? '—' : v + '%');
  const thisQuarter = () => { const d = new Date(); return d.getFullYear() + 'Q' + (Math.floor(d.getMonth() / 3) + 1); };

  /** 工作台卡片: this quarter's sessions per community against the rule of two, person-times, pass rate. */
  async function dashboardCard() {
    if (!R.has('DIRECTOR', 'STATISTICIAN', 'ADMIN', 'TEACHER')) return null; // who reads the coverage figures
    const quarter = thisQuarter();
    const r = await get(API + '/coverage?quarter=' + quarter);
    if (!r.ok) return r.status === 403 ? null : failure(r);
    const rows = r.data.rows;
    const sum = (f) => rows.reduce((n, x) => n + f(x), 0);
    const scores = sum(x => x.scores);
    const pass = scores ? Math.round(10 * sum(x => (x.passPercent || 0) * x.scores) / scores) / 10 : null;
    const figure = (key, n, id) => el('div', { class: 'card', id: id }, el('div', {}, t(key)), el('div', { class: 'n' }, n));
    // the communities below the rule first: those are the ones to act on
    const shown = rows.slice().sort((a, b) => a.sessions - b.sessions || a.school.localeCompare(b.school)).slice(0, 8);
    return el('div', { id: 'sc-card' }, el('h3', {}, t('sc.title') + ' · ' + t('sc.coverage') + ' ' + quarter),
      el('div', { class: 'cards' },
        figure('sc.cardRule', rows.filter(x => x.meetsRule).length + ' / ' + rows.length, 'sc-card-rule'),
        figure('sc.sessionsHeld', sum(x => x.sessions), 'sc-card-sessions'),
        figure('sc.personTimes', sum(x => x.personTimes), 'sc-card-times'),
        figure('sc.passRate', pct(pass), 'sc-card-pass')),
      table([['sc.school', x => x.school], ['sc.jurisdiction', x => x.jurisdiction],
        ['sc.sessionsVsRule', x => el('span', { class: x.meetsRule ? null : 'sc-badge sc-over' }, x.sessions + ' / 2')],
        ['sc.personTimes', x => x.personTimes], ['sc.passRate', x => pct(x.passPercent)]], shown),
      el('p', { class: 'muted' }, rows.length > shown.length ? R.fmt('sc.cardMore', { n: rows.length - shown.length }) + ' ' : '',
        link('sc-coverage?quarter=' + quarter, t('sc.cardAll'), 'sc-card-link')));
  }

  /**
   * 居民页面板: the person's classes with attendance; whether the exam was passed only after a reason, for the
   * teacher and the person's office (the server decides, and audits the read).
   */
  async function residentPanel(residentId) {
    if (!R.has('DIRECTOR', 'ADMIN', 'TEACHER', 'FAMILY_SERVICES')) return null; // who reads rosters
    const path = API + '/residents/' + encodeURIComponent(residentId) + '/courses';
    const r = await get(path);
    if (!r.ok) return r.status === 403 || r.status === 404 ? null : failure(r); // the core's page says "not found"
    const out = el('div', { id: 'sc-resident-courses' });
    const render = (rows, withExam) => {
      const columns = [['sc.course', x => x.course], ['sc.className', x => (teaches() ? link('sc-class/' + x.classId, x.className) : x.className)],
        ['sc.school', x => x.school], ['sc.status', x => t('sc.' + x.status) + (x.declineReason ? '（' + x.declineReason + '）' : '')],
        ['sc.enrolledOn', x => x.enrolledOn], ['sc.attended', x => x.attended + ' / ' + x.sessions],
        ['sc.absences', x => x.absences], ['sc.graduatedOn', x => x.graduatedOn || '']];
      if (withExam) {
        columns.push(['sc.examPassed', x => (x.exam === null ? '—' : t('sc.exam' + x.exam) + (x.score === null ? '' : '（' + x.score + '）'))]);
      }
      out.replaceChildren(table(columns, rows));
    };
    render(r.data, false);
    let reading = null;
    if (r.data.length && R.has('TEACHER', 'DIRECTOR', 'FAMILY_SERVICES')) {
      const msg = message();
      const reason = el('input', { name: 'reason', id: 'sc-resident-reason' });
      reading = el('form', { class: 'inline', id: 'sc-resident-results' }, el('span', { class: 'muted' }, t('sc.scoresHint')), ' ',
        labelled('sc.reason', reason), el('button', { type: 'submit' }, t('sc.readExams')), msg);
      reading.addEventListener('submit', async (e) => {
        e.preventDefault();
        const res = await get(path + '?reason=' + encodeURIComponent(reason.value));
        if (!res.ok) { say(msg, problem(res)); return; }
        render(res.data, true);
        say(msg, '', true);
      });
    }
    return el('div', { class: 'box wide', id: 'sc-resident' }, el('h2', {}, t('sc.residentCourses')), out, reading);
  }

  // ---- lesson-plan archive of a session: upload (checked by content, 20 MB at most), list with checksum, download --
  async function files(sessionId, query) {
    const classId = query && query.get ? query.get('class') : '';
    const list = await get(API + '/sessions/' + sessionId + '/files');
    const msg = message();
    const input = el('input', { type: 'file', id: 'sc-file', accept: '.pdf,.doc,.docx,.png,.jpg,.jpeg,.gif' });
    const upload = async () => {
      const f = input.files[0];
      if (!f) return;
      const me = R.me() || {};
      const r = await fetch(API + '/sessions/' + sessionId + '/files?fileName=' + encodeURIComponent(f.name), { method: 'POST',
        credentials: 'same-origin', headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': me.csrfToken || '',
          'Accept-Language': R.lang() === 'en' ? 'en' : 'zh-CN' }, body: f });
      if (r.ok) { files(sessionId, query); return; }
      say(msg, problem({ status: r.status, data: (r.headers.get('Content-Type') || '').includes('json') ? await r.json() : null }));
    };
    view(el('p', {}, link('sc-class/' + classId, '‹ ' + t('sc.class'))), el('h2', {}, t('sc.files')),
      el('div', { id: 'sc-file-list' }, list.ok ? table([['sc.fileName', x => el('a', { href: API + '/files/' + x.id }, x.fileName)],
        ['sc.size', x => Math.ceil(x.size / 1024) + ' KB'], ['sc.sha256', x => x.sha256], ['sc.uploadedBy', x => x.uploadedBy],
        ['sc.heldOn', x => x.uploadedOn]], list.data) : failure(list)),
      teaches() ? el('div', { class: 'toolbar' }, input, button(t('sc.upload'), upload, { id: 'sc-upload' }), msg) : null,
      el('p', { class: 'muted' }, t('sc.filesHint')));
  }

  // ---- year-end summary: figures from the records, the text drafted from them, edited, then signed ------------
  async function summary(schoolId, query) {
    const y = (query && query.get && query.get('year')) || year();
    const r = await get(API + '/schools/' + schoolId + '/summary/' + y);
    if (!r.ok) { view(failure(r)); return; }
    const x = r.data;
    const msg = message();
    const text = el('textarea', { id: 'sc-summary-body', rows: 12, cols: 80, readonly: x.signedBy ? true : null }, x.body);
    const save = async () => {
      const res = await api('PUT', API + '/schools/' + schoolId + '/summary/' + y, { body: text.value, version: x.version });
      if (res.ok) summary(schoolId, query); else say(msg, problem(res));
    };
    const sign = async () => {
      const res = await api('POST', API + '/schools/' + schoolId + '/summary/' + y + '/sign');
      if (res.ok) summary(schoolId, query); else say(msg, problem(res));
    };
    view(el('p', {}, link('sc-school/' + schoolId, '‹ ' + t('sc.school'))), el('h2', {}, t('sc.summary') + ' ' + y),
      el('div', { id: 'sc-summary-figures' }, table([['sc.figure', f => t('sc.f.' + f[0])], ['sc.value', f => f[1]]],
        ['sessionsPlanned', 'sessionsHeld', 'classes', 'enrolled', 'declined', 'personTimes', 'scores', 'passed', 'graduates']
          .map(k => [k, x[k]]))),
      text,
      x.signedBy ? el('p', { class: 'ok', id: 'sc-summary-signed' }, t('sc.signedBy') + ' ' + x.signedBy + ' · ' + x.signedOn)
        : el('div', { class: 'toolbar' }, teaches() ? button(t('sc.save'), save, { id: 'sc-summary-save' }) : null, ' ',
          R.has('DIRECTOR') ? button(t('sc.sign'), sign, { id: 'sc-summary-sign', class: 'primary' }) : null, msg));
  }

  const ZH = {
    'sc.title': '人口学校', 'sc.name': '名称', 'sc.jurisdiction': '所属辖区', 'sc.jurisdictionCode': '辖区代码', 'sc.classroom': '教室',
    'sc.addSchool': '设立人口学校', 'sc.create': '新建', 'sc.add': '添加', 'sc.school': '学校', 'sc.classes': '班次',
    'sc.className': '班次名称', 'sc.startsOn': '开班日期', 'sc.enrolled': '学员', 'sc.course': '课程', 'sc.teacher': '教师',
    'sc.courses': '课程（按人生阶段）', 'sc.courseTitle': '课程名称', 'sc.stages': '人生阶段', 'sc.topic': '专题', 'sc.hours': '课时',
    'sc.passMark': '及格分', 'sc.maxAbsences': '允许缺课', 'sc.maxAttempts': '考试次数上限', 'sc.plan': '年初教学计划',
    'sc.heldOn': '日期', 'sc.sessionTopic': '主题', 'sc.targetGroup': '对象', 'sc.class': '班次', 'sc.teachers': '教师',
    'sc.username': '工作人员账号', 'sc.organisation': '外聘单位', 'sc.equipment': '设备登记', 'sc.item': '物品', 'sc.category': '类别',
    'sc.quantity': '数量', 'sc.state': '状态', 'sc.keeper': '保管人', 'sc.checkedOn': '检查日期', 'sc.EQUIPMENT': '设备',
    'sc.BOOK': '图书', 'sc.MATERIAL': '教材资料', 'sc.GOOD': '完好', 'sc.WORN': '有损耗', 'sc.BROKEN': '损坏',
    'sc.sessions': '课时', 'sc.attendance': '考勤', 'sc.takeAttendance': '点名', 'sc.exams': '考试', 'sc.attempt': '场次',
    'sc.exam': '结业考试', 'sc.makeUp': '补考', 'sc.scores': '成绩', 'sc.newExam': '安排考试/补考', 'sc.graduate': '办理结业',
    'sc.roster': '花名册', 'sc.enrolGroup': '按目标人群报名', 'sc.residentId': '居民编号',
    'sc.enrol': '报名', 'sc.residentName': '姓名', 'sc.status': '状态', 'sc.absences': '缺课', 'sc.enrolledOn': '报名日期',
    'sc.decline': '本人不参加', 'sc.ENROLLED': '在读', 'sc.DECLINED': '不参加', 'sc.GRADUATED': '已结业',
    'sc.PRESENT': '到', 'sc.LATE': '迟到', 'sc.EXCUSED': '请假', 'sc.ABSENT': '缺席', 'sc.save': '保存', 'sc.saved': '已保存',
    'sc.scoresHint': '成绩属于个人敏感信息：仅任课教师和本人所属机构可查看，每次查看均需填写理由并留痕。',
    'sc.results': '考试结果', 'sc.reason': '查看理由（留痕）', 'sc.readResults': '查看', 'sc.score': '分数', 'sc.passed': '结果',
    'sc.pass': '及格', 'sc.fail': '不及格', 'sc.summary': '年末总结', 'sc.figure': '项目', 'sc.value': '数值',
    'sc.f.sessionsPlanned': '计划课时', 'sc.f.sessionsHeld': '实际培训次数', 'sc.f.classes': '班次', 'sc.f.enrolled': '报名学员',
    'sc.f.declined': '自愿不参加', 'sc.f.personTimes': '参训人次', 'sc.f.scores': '考试人次', 'sc.f.passed': '及格人次',
    'sc.f.graduates': '结业人数', 'sc.sign': '签字确认', 'sc.signedBy': '已签字：', 'sc.files': '教案存档', 'sc.fileName': '文件', 'sc.size': '大小',
    'sc.sha256': 'SHA-256 校验值', 'sc.uploadedBy': '上传人', 'sc.upload': '上传',
    'sc.filesHint': '可上传 PDF、Word 或图片（不超过 20 MB）；文件按内容检查，保存校验值，课后长期保存。', 'sc.certificate': '结业证书', 'sc.coverage': '培训覆盖情况', 'sc.quarter': '季度', 'sc.show': '查看',
    'sc.sessionsHeld': '培训次数', 'sc.personTimes': '参训人次', 'sc.peopleReached': '参训人数', 'sc.targetWomen': '15–49 岁妇女',
    'sc.reached': '覆盖率', 'sc.passRate': '及格率', 'sc.rule': '要求：每个社区每季度培训不少于两次；未达到的以红色标出。',
    'sc.paper': '考卷与在线答题', 'sc.paperHint': '由工作人员操作：选择学员，按其作答录入后交卷；选择题和判断题自动判分，简答题由教师阅卷。',
    'sc.total': '总分', 'sc.points': '分', 'sc.true': '正确', 'sc.false': '错误', 'sc.submitSheet': '交卷', 'sc.sheetIn': '已交卷。',
    'sc.toMark': '待阅简答题：', 'sc.sheets': '答卷（存档）', 'sc.readSheets': '查看答卷', 'sc.mark': '给分', 'sc.SUBMITTED': '待阅卷',
    'sc.MARKED': '已阅卷', 'sc.noPaper': '本次考试尚无考卷：从本课程题库勾选题目组卷（考卷存档，组卷后不再更改）。', 'sc.bank': '题库',
    'sc.createPaper': '组卷', 'sc.addQuestion': '添加题目', 'sc.kind': '题型', 'sc.questionText': '题目', 'sc.answer': '正确答案',
    'sc.options': '选项（每行一个）', 'sc.optionsHint': '每行一个选项，依次为 A、B、C…', 'sc.k.SINGLE': '单选题', 'sc.k.MULTIPLE': '多选题',
    'sc.k.TRUE_FALSE': '判断题', 'sc.k.SHORT': '简答题',
    'sc.cardRule': '达到每季度两次的社区', 'sc.sessionsVsRule': '培训次数 / 要求', 'sc.cardMore': '另有 {n} 个学校未列出。',
    'sc.cardAll': '查看全部覆盖情况', 'sc.residentCourses': '人口学校课程', 'sc.attended': '出勤 / 已上课时',
    'sc.graduatedOn': '结业日期', 'sc.examPassed': '考试结果（最高分）', 'sc.readExams': '查看考试结果',
    'sc.examPASSED': '及格', 'sc.examFAILED': '不及格', 'sc.examNONE': '尚无成绩'
  };
  const EN = {
    'sc.title': 'Population school', 'sc.name': 'Name', 'sc.jurisdiction': 'Jurisdiction', 'sc.jurisdictionCode': 'Jurisdiction code',
    'sc.classroom': 'Classroom', 'sc.addSchool': 'Set up a school', 'sc.create': 'Create', 'sc.add': 'Add', 'sc.school': 'School',
    'sc.classes': 'Classes', 'sc.className': 'Class', 'sc.startsOn': 'Starts', 'sc.enrolled': 'Enrolled', 'sc.course': 'Course',
    'sc.teacher': 'Teacher', 'sc.courses': 'Courses by life stage', 'sc.courseTitle': 'Course', 'sc.stages': 'Life stages',
    'sc.topic': 'Topic', 'sc.hours': 'Hours', 'sc.passMark': 'Pass mark', 'sc.maxAbsences': 'Absences allowed',
    'sc.maxAttempts': 'Attempts allowed', 'sc.plan': 'Teaching plan', 'sc.heldOn': 'Date', 'sc.sessionTopic': 'Topic',
    'sc.targetGroup': 'Target group', 'sc.class': 'Class', 'sc.teachers': 'Teachers', 'sc.username': 'Staff username',
    'sc.organisation': 'Organisation (outside lecturer)', 'sc.equipment': 'Equipment register', 'sc.item': 'Item',
    'sc.category': 'Category', 'sc.quantity': 'Quantity', 'sc.state': 'State', 'sc.keeper': 'Keeper', 'sc.checkedOn': 'Checked',
    'sc.EQUIPMENT': 'equipment', 'sc.BOOK': 'book', 'sc.MATERIAL': 'teaching material', 'sc.GOOD': 'good', 'sc.WORN': 'worn',
    'sc.BROKEN': 'broken', 'sc.sessions': 'Sessions', 'sc.attendance': 'Attendance', 'sc.takeAttendance': 'Take attendance',
    'sc.exams': 'Exams', 'sc.attempt': 'Sitting', 'sc.exam': 'Exam', 'sc.makeUp': 'Make-up', 'sc.scores': 'Scores',
    'sc.newExam': 'Hold exam / make-up', 'sc.graduate': 'Graduate', 'sc.roster': 'Roster', 'sc.enrolGroup': 'Enrol target group',
    'sc.residentId': 'Resident no.', 'sc.enrol': 'Enrol', 'sc.residentName': 'Name', 'sc.status': 'Status',
    'sc.absences': 'Absences', 'sc.enrolledOn': 'Enrolled on', 'sc.decline': 'Declines', 'sc.ENROLLED': 'enrolled',
    'sc.DECLINED': 'declined', 'sc.GRADUATED': 'graduated', 'sc.PRESENT': 'Present', 'sc.LATE': 'Late', 'sc.EXCUSED': 'Excused',
    'sc.ABSENT': 'Absent', 'sc.save': 'Save', 'sc.saved': 'Saved',
    'sc.scoresHint': 'Scores are sensitive: only the teacher and the person\'s office read them, each read with a reason, audited.',
    'sc.results': 'Results', 'sc.reason': 'Reason (audited)', 'sc.readResults': 'Read', 'sc.score': 'Score', 'sc.passed': 'Result',
    'sc.pass': 'pass', 'sc.fail': 'fail', 'sc.summary': 'Year-end summary', 'sc.figure': 'Figure', 'sc.value': 'Value',
    'sc.f.sessionsPlanned': 'Sessions planned', 'sc.f.sessionsHeld': 'Sessions held', 'sc.f.classes': 'Classes',
    'sc.f.enrolled': 'Enrolled', 'sc.f.declined': 'Declined', 'sc.f.personTimes': 'Person-times', 'sc.f.scores': 'Exam sittings',
    'sc.f.passed': 'Passed', 'sc.f.graduates': 'Graduates', 'sc.sign': 'Sign', 'sc.signedBy': 'Signed by', 'sc.files': 'Lesson plans', 'sc.fileName': 'File', 'sc.size': 'Size',
    'sc.sha256': 'SHA-256', 'sc.uploadedBy': 'Uploaded by', 'sc.upload': 'Upload',
    'sc.filesHint': 'PDF, Word or image files up to 20 MB, checked by their content, kept with their checksum after the session.', 'sc.certificate': 'Certificate', 'sc.coverage': 'Coverage', 'sc.quarter': 'Quarter', 'sc.show': 'Show',
    'sc.sessionsHeld': 'Sessions', 'sc.personTimes': 'Person-times', 'sc.peopleReached': 'People reached',
    'sc.targetWomen': 'Women 15–49', 'sc.reached': 'Reached', 'sc.passRate': 'Pass rate',
    'sc.rule': 'Rule: at least two trainings a quarter per community; those below are marked red.',
    'sc.ADOLESCENCE': 'adolescence', 'sc.PREMARITAL': 'premarital', 'sc.NEWLY_MARRIED': 'newly married', 'sc.PREGNANCY': 'pregnancy',
    'sc.CHILD_REARING': 'child rearing', 'sc.CONTRACEPTION': 'contraception', 'sc.MENOPAUSE': 'menopause',
    'sc.POLICY_LAW': 'policy and law', 'sc.HEALTHY_BIRTH': 'healthy birth and upbringing', 'sc.REPRODUCTIVE_HEALTH': 'reproductive health',
    'sc.ELDERLY_CARE': 'elderly care', 'sc.WOMEN_15_49': 'women aged 15–49',
    'sc.paper': 'Exam paper and online answers', 'sc.paperHint': 'Staff-operated: pick the person, enter their answers, submit; choice and true/false questions score themselves, the teacher marks short answers.',
    'sc.total': 'Total', 'sc.points': 'points', 'sc.true': 'True', 'sc.false': 'False', 'sc.submitSheet': 'Submit sheet', 'sc.sheetIn': 'Sheet submitted.',
    'sc.toMark': 'Short answers to mark:', 'sc.sheets': 'Answer sheets (kept)', 'sc.readSheets': 'Read sheets', 'sc.mark': 'Mark',
    'sc.SUBMITTED': 'to mark', 'sc.MARKED': 'marked', 'sc.noPaper': 'This exam has no paper yet: tick questions of the course\'s bank (the paper is kept as a record and not changed).',
    'sc.bank': 'Question bank', 'sc.createPaper': 'Assemble paper', 'sc.addQuestion': 'Add a question', 'sc.kind': 'Kind',
    'sc.questionText': 'Question', 'sc.answer': 'Correct answer', 'sc.options': 'Options (one a line)', 'sc.optionsHint': 'One option a line: A, B, C…',
    'sc.k.SINGLE': 'single choice', 'sc.k.MULTIPLE': 'multiple choice', 'sc.k.TRUE_FALSE': 'true/false', 'sc.k.SHORT': 'short answer',
    'sc.cardRule': 'Communities with two or more', 'sc.sessionsVsRule': 'Sessions / rule', 'sc.cardMore': '{n} more schools not listed.',
    'sc.cardAll': 'All coverage figures', 'sc.residentCourses': 'Population school courses', 'sc.attended': 'Attended / held',
    'sc.graduatedOn': 'Graduated on', 'sc.examPassed': 'Exam (best score)', 'sc.readExams': 'Read exam results',
    'sc.examPASSED': 'passed', 'sc.examFAILED': 'failed', 'sc.examNONE': 'no score yet'
  };

  if (!document.getElementById('sc-css')) {
    document.head.append(el('link', { rel: 'stylesheet', href: '/ui/modules/school/school.css', id: 'sc-css' }));
  }
  R.register('school', {
    text: { zh: ZH, en: EN },
    slots: { dashboard: dashboardCard, resident: residentPanel },
    routes: { 'school': () => schools(), 'sc-school': school, 'sc-class': klass, 'sc-attend': attend, 'sc-exam': exam, 'sc-coverage': coverage, 'sc-files': files, 'sc-summary': summary, 'sc-paper': paper }
  });
})();
