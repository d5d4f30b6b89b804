// Information exchange (信息交换) between the offices of different places: the inbox and outbox of one of the
// caller's jurisdictions, overdue and escalated messages highlighted with the days overdue, one message with its
// reply (or 查无此人 with a remark), sending a query / notification / assistance request to any jurisdiction picked
// by name, and the office's reply and on-time rates for a period with a chart (SVG, drawn here). A core page: the
// menu entry "exchange" names this script.
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, t, show, api, get, table, field, select, message, say, failure, has, when, today, place, placeName,
    placePicker, fieldProblems } = ui;
  const WRITERS = ['ADMIN', 'DIRECTOR', 'FAMILY_SERVICES'];
  const KINDS = ['QUERY', 'NOTIFICATION', 'ASSISTANCE_REQUEST'];
  const TEXT = {
    zh: {
      exchange: '信息交换', 'ex.inbox': '收件箱', 'ex.outbox': '发件箱', 'ex.office': '本办', 'ex.kind': '类型',
      QUERY: '查询/协查', NOTIFICATION: '通报', ASSISTANCE_REQUEST: '协助请求', 'ex.urgency': '紧急程度',
      URGENT: '紧急', NORMAL: '一般', 'ex.sender': '发送方', 'ex.receiver': '接收方', 'ex.subject': '标题',
      'ex.body': '内容', 'ex.sentAt': '发送时间', 'ex.due': '反馈期限', 'ex.state': '状态', 'ex.OPEN': '待反馈',
      'ex.OVERDUE': '已逾期', 'ex.ESCALATED': '已督办', 'ex.REPLIED': '已反馈', 'ex.REPLIED_LATE': '逾期反馈',
      'ex.daysOverdue': '逾期 {n} 天', 'ex.new': '发送信息', 'ex.send': '发送', 'ex.reply': '反馈',
      'ex.replyText': '反馈内容', 'ex.notFound': '查无此人', 'ex.remark': '备注（可不填）', 'ex.replied': '反馈',
      'ex.escalatedTo': '已督办至 {to}（{at}，当时逾期 {n} 天）', 'ex.deadlines': '反馈期限：紧急 {u} 天，一般 {n} 天（按接收方所在省）',
      'ex.stats': '反馈情况', 'ex.from': '开始日期', 'ex.to': '结束日期', 'ex.show': '统计', 'ex.received': '收到',
      'ex.repliedN': '已反馈', 'ex.onTime': '按时反馈', 'ex.overdueN': '逾期', 'ex.replyRate': '反馈率',
      'ex.onTimeRate': '按时反馈率', 'ex.sent': '发出', 'ex.sentReplied': '对方已反馈', 'ex.month': '月份',
      'ex.migrant': '相关流动人口', 'ex.all': '全部', 'ex.cannotReply': '只有接收方可以反馈。', 'ex.sentOk': '已发送。'
    },
    en: {
      exchange: 'Information exchange', 'ex.inbox': 'Inbox', 'ex.outbox': 'Outbox', 'ex.office': 'Office',
      'ex.kind': 'Kind', QUERY: 'query', NOTIFICATION: 'notification', ASSISTANCE_REQUEST: 'assistance request',
      'ex.urgency': 'Urgency', URGENT: 'urgent', NORMAL: 'normal', 'ex.sender': 'From', 'ex.receiver': 'To',
      'ex.subject': 'Subject', 'ex.body': 'Text', 'ex.sentAt': 'Sent', 'ex.due': 'Due', 'ex.state': 'State',
      'ex.OPEN': 'open', 'ex.OVERDUE': 'overdue', 'ex.ESCALATED': 'escalated', 'ex.REPLIED': 'replied', 'ex.REPLIED_LATE': 'replied late',
      'ex.daysOverdue': '{n} days overdue', 'ex.new': 'Send a message', 'ex.send': 'Send', 'ex.reply': 'Reply',
      'ex.replyText': 'Reply', 'ex.notFound': 'No such person (查无此人)', 'ex.remark': 'Remark (optional)',
      'ex.replied': 'Reply', 'ex.escalatedTo': 'escalated to {to} ({at}, then {n} days overdue)',
      'ex.deadlines': "Reply within: urgent {u} days, normal {n} days (the receiver's province)",
      'ex.stats': 'Replies', 'ex.from': 'From', 'ex.to': 'To', 'ex.show': 'Show', 'ex.received': 'Received',
      'ex.repliedN': 'Replied', 'ex.onTime': 'On time', 'ex.overdueN': 'Overdue', 'ex.replyRate': 'Reply rate',
      'ex.onTimeRate': 'On-time rate', 'ex.sent': 'Sent', 'ex.sentReplied': 'Answered by them', 'ex.month': 'Month',
      'ex.migrant': 'Migrant', 'ex.all': 'All', 'ex.cannotReply': 'Only the receiver may reply.', 'ex.sentOk': 'Sent.'
    }
  };
  const fmt = (key, vars) => Object.entries(vars).reduce((s, [k, v]) => s.replace('{' + k + '}', v), t(key));
  const days = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
  /** Days past the due date of an unanswered message (0 while not due). */
  const overdueDays = (m) => (m.state === 'OVERDUE' || m.state === 'ESCALATED' ? Math.max(0, days(m.dueDate, today())) : 0);
  const myOffices = () => (ui.me().jurisdictionCodes || []).filter(c => c !== '');
  const pct = (x) => (x === null || x === undefined ? '—' : (Math.round(x * 1000) / 10) + '%');

  function stateBadge(m) {
    const n = overdueDays(m);
    return el('span', { class: 'badge ' + m.state, 'data-state': m.state }, t('ex.' + m.state) + (n ? '（' + fmt('ex.daysOverdue', { n: n }) + '）' : ''));
  }
  /** A select of the caller's own offices, by name. */
  function officeSelect(name, value, id) {
    const s = el('select', { name: name, id: id }, myOffices().map(c => {
      const o = el('option', { value: c, title: c, selected: c === value }, c);
      placeName(c).then(n => { if (n) o.textContent = n; });
      return o;
    }));
    return el('label', {}, t('ex.office'), s);
  }

  // ---- inbox / outbox ---------------------------------------------------------------------------------------
  async function exchange(_arg, query) {
    const box = query.get('box') || 'inbox';
    const office = query.get('office') || myOffices()[0] || '';
    const out = el('div', { id: 'exchange-list' });
    const nav = (changes) => { const q = new URLSearchParams(query); Object.entries(changes).forEach(([k, v]) => q.set(k, v));
      location.hash = '#/exchange?' + q; };
    const tabs = el('div', { class: 'tabs', id: 'exchange-tabs' }, ['inbox', 'outbox'].map(b =>
      el('a', { href: '#/exchange?' + new URLSearchParams(Object.assign(Object.fromEntries(query), { box: b })),
        id: 'exchange-' + b, class: b === box ? 'active' : null }, t('ex.' + b))));
    const filter = el('form', { class: 'inline', id: 'exchange-filter' }, officeSelect('office', office, 'exchange-office'),
      select('ex.state', [['', t('ex.all')], ['OPEN', t('ex.OPEN')], ['OVERDUE', t('ex.OVERDUE')], ['ESCALATED', t('ex.ESCALATED')],
        ['REPLIED', t('ex.REPLIED')]], query.get('state') || '', { name: 'state', id: 'exchange-state' }),
      el('button', { type: 'submit', class: 'primary' }, t('search')));
    filter.addEventListener('submit', e => { e.preventDefault(); const f = new FormData(filter);
      nav({ office: f.get('office') || '', state: f.get('state') || '' }); });
    show(el('h2', {}, t('exchange')), el('div', { class: 'toolbar' }, filter,
      has(...WRITERS) ? el('a', { href: '#/exchange-new', class: 'button primary', id: 'exchange-new' }, t('ex.new')) : null),
    tabs, out, await statsBox(office, query));
    const p = new URLSearchParams({ direction: box === 'inbox' ? 'RECEIVED' : 'SENT', limit: '50' });
    if (office) p.set('jurisdiction', office);
    if (query.get('state')) p.set('state', query.get('state'));
    if (query.get('migrant')) p.set('migrantId', query.get('migrant'));
    const res = await get('/api/exchange/messages?' + p);
    if (!res.ok) { out.replaceChildren(failure(res)); return; }
    const rows = res.data.items;
    const body = rows.length ? el('table', {}, el('thead', {}, el('tr', {},
      ['ex.kind', 'ex.urgency', box === 'inbox' ? 'ex.sender' : 'ex.receiver', 'ex.subject', 'ex.sentAt', 'ex.due', 'ex.state', '']
        .map(k => el('th', {}, k ? t(k) : '')))),
    el('tbody', {}, rows.map(m => el('tr', { class: m.state === 'ESCALATED' ? 'escalated' : m.state === 'OVERDUE' ? 'overdue' : null,
      'data-message': m.id },
    el('td', {}, t(m.kind)), el('td', {}, t(m.urgency)), el('td', {}, place(box === 'inbox' ? m.senderCode : m.receiverCode)),
    el('td', {}, m.subject), el('td', {}, when(m.sentAt)), el('td', {}, m.dueDate), el('td', {}, stateBadge(m)),
    el('td', {}, el('button', { type: 'button', onclick: () => { location.hash = '#/exchange-message/' + m.id; } }, t('open')))))))
      : el('p', { class: 'muted' }, t('noRows'));
    out.replaceChildren(el('p', { class: 'muted' }, t('total') + ' ' + res.data.total + ' ' + t('rows')), body);
  }

  // ---- reply and on-time rates, with a chart of the months of the period -----------------------------------
  async function statsBox(office, query) {
    const to = query.get('to') || today();
    const from = query.get('from') || (to.substring(0, 4) + '-01-01');
    const form = el('form', { class: 'inline', id: 'exchange-stats-form' },
      field('ex.from', from, { name: 'from', type: 'date', id: 'stats-from' }),
      field('ex.to', to, { name: 'to', type: 'date', id: 'stats-to' }),
      el('button', { type: 'submit' }, t('ex.show')));
    const msg = message();
    const out = el('div', { id: 'exchange-stats' });
    form.addEventListener('submit', e => { e.preventDefault(); const f = new FormData(form);
      const q = new URLSearchParams(query); q.set('from', f.get('from')); q.set('to', f.get('to')); location.hash = '#/exchange?' + q; });
    const box = el('div', { class: 'box wide' }, el('h3', {}, t('ex.stats')), form, msg, out);
    if (!office) return box;
    const base = { jurisdiction: office };
    const total = await get('/api/exchange/stats?' + new URLSearchParams(Object.assign({ from: from, to: to }, base)));
    if (!total.ok) { fieldProblems(form, msg, total); return box; }
    const s = total.data;
    // one figure per month of the period (at most 12, the last ones)
    const months = [];
    let m = new Date(from.substring(0, 7) + '-01T00:00:00Z');
    while (m.toISOString().substring(0, 10) <= to && months.length < 60) {
      const start = m.toISOString().substring(0, 10);
      const next = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
      const end = new Date(next - 86400000).toISOString().substring(0, 10);
      months.push([start.substring(0, 7), start < from ? from : start, end > to ? to : end]);
      m = next;
    }
    const shown = months.slice(-12);
    const per = await Promise.all(shown.map(([label, a, b]) =>
      get('/api/exchange/stats?' + new URLSearchParams(Object.assign({ from: a, to: b }, base)))
        .then(r => [label, r.ok ? r.data : null])));
    out.append(el('table', { id: 'exchange-stats-table' }, el('thead', {}, el('tr', {},
      ['ex.received', 'ex.repliedN', 'ex.onTime', 'ex.overdueN', 'ex.replyRate', 'ex.onTimeRate', 'ex.sent', 'ex.sentReplied']
        .map(k => el('th', {}, t(k))))),
    el('tbody', {}, el('tr', {}, [s.received, s.replied, s.repliedOnTime, s.overdue, pct(s.replyRate), pct(s.onTimeRate),
      s.sent, s.sentReplied].map((v, i) => el('td', { 'data-col': String(i) }, String(v)))))),
    chart(per.filter(x => x[1])));
    return box;
  }

  /** Bars per month: reply rate and on-time rate (0–100 %), received count on top; plain SVG. */
  function chart(rows) {
    const NS = 'http://www.w3.org/2000/svg';
    const W = 640, H = 220, L = 40, B = 30, T = 20;
    const svg = document.createElementNS(NS, 'svg');
    const n = (tag, attrs, text) => {
      const e = document.createElementNS(NS, tag);
      Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
      if (text !== undefined) e.textContent = text;
      svg.append(e);
      return e;
    };
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    svg.setAttribute('width', W);
    svg.setAttribute('height', H);
    svg.setAttribute('id', 'exchange-chart');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('ex.replyRate') + ' / ' + t('ex.onTimeRate'));
    n('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' });
    for (const p of [0, 50, 100]) {
      const y = H - B - (H - B - T) * p / 100;
      n('line', { x1: L, x2: W - 10, y1: y, y2: y, stroke: '#ddd' });
      n('text', { x: L - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#666' }, p + '%');
    }
    const slot = (W - L - 10) / Math.max(rows.length, 1);
    rows.forEach(([label, s], i) => {
      const x = L + i * slot + slot * 0.15;
      const w = slot * 0.3;
      [[s.replyRate, '#a61b29', 'reply'], [s.onTimeRate, '#1b7a2b', 'ontime']].forEach(([v, color, kind], j) => {
        const h = (H - B - T) * (v || 0);
        n('rect', { x: x + j * w, y: H - B - h, width: w - 2, height: h, fill: color, class: 'bar-' + kind,
          'data-month': label, 'data-value': v === null || v === undefined ? '' : String(v) })
          .append(Object.assign(document.createElementNS(NS, 'title'), { textContent: label + ' ' + pct(v) }));
      });
      n('text', { x: x + w, y: H - B + 14, 'text-anchor': 'middle', 'font-size': 11, fill: '#333' }, label.substring(2));
      if (s.received) n('text', { x: x + w, y: T - 4, 'text-anchor': 'middle', 'font-size': 10, fill: '#888' }, String(s.received));
    });
    const legend = el('p', { class: 'muted' }, el('span', { style: 'color:#a61b29' }, '■ ' + t('ex.replyRate')), '　',
      el('span', { style: 'color:#1b7a2b' }, '■ ' + t('ex.onTimeRate')), '　' + t('ex.received') + '：↑');
    return el('div', { class: 'chart' }, svg, legend);
  }

  // ---- one message and its reply ----------------------------------------------------------------------------
  async function message1(id) {
    const res = await get('/api/exchange/messages/' + encodeURIComponent(id));
    if (!res.ok) { show(failure(res)); return; }
    const m = res.data;
    const receiver = (ui.me().jurisdictionCodes || []).some(c => m.receiverCode.startsWith(c));
    let replyBox = null;
    if (!m.reply && receiver && has(...WRITERS)) {
      const msg = message();
      const text = el('textarea', { name: 'text', id: 'reply-text', rows: 3, maxlength: 2000 });
      const notFound = el('input', { type: 'checkbox', name: 'notFound', id: 'reply-not-found' });
      const label = el('span', {}, t('ex.replyText'));
      notFound.addEventListener('change', () => { label.textContent = t(notFound.checked ? 'ex.remark' : 'ex.replyText'); });
      replyBox = el('form', { class: 'box wide', id: 'reply-form' }, el('h3', {}, t('ex.reply')),
        el('p', {}, el('label', { class: 'check' }, notFound, t('ex.notFound'))),
        el('p', {}, el('label', {}, label, text)),
        el('button', { type: 'submit', class: 'primary', id: 'reply-send' }, t('ex.reply')), msg);
      replyBox.addEventListener('submit', async e => {
        e.preventDefault();
        fieldProblems(replyBox, msg, null);
        const r = await api('POST', '/api/exchange/messages/' + m.id + '/reply',
          { text: text.value || null, notFound: notFound.checked, version: m.version });
        if (r.ok) message1(id); else fieldProblems(replyBox, msg, r);
      });
    }
    const esc = m.escalation;
    show(el('h2', {}, t(m.kind) + '：' + m.subject),
      el('dl', { class: 'facts', id: 'message-facts' },
        el('dt', {}, t('ex.state')), el('dd', { id: 'message-state' }, stateBadge(m),
          esc ? '　' + fmt('ex.escalatedTo', { to: '', at: when(esc.raisedAt), n: esc.daysOverdue }) : '',
          esc ? place(esc.escalatedTo) : ''),
        el('dt', {}, t('ex.urgency')), el('dd', {}, t(m.urgency)),
        el('dt', {}, t('ex.sender')), el('dd', {}, place(m.senderCode), '　' + (m.sentBy || '')),
        el('dt', {}, t('ex.receiver')), el('dd', {}, place(m.receiverCode)),
        el('dt', {}, t('ex.sentAt')), el('dd', {}, when(m.sentAt)),
        el('dt', {}, t('ex.due')), el('dd', {}, m.dueDate),
        m.migrantId ? [el('dt', {}, t('ex.migrant')), el('dd', {}, el('a', { href: '#/migrant/' + m.migrantId }, '#' + m.migrantId))] : null,
        el('dt', {}, t('ex.body')), el('dd', { id: 'message-body' }, m.body || '')),
      m.reply ? el('div', { class: 'box wide', id: 'message-reply' }, el('h3', {}, t('ex.replied')),
        m.reply.notFound ? el('p', {}, el('span', { class: 'badge REVOKED' }, t('ex.notFound'))) : null,
        el('p', {}, m.reply.text || ''), el('p', { class: 'muted' }, (m.reply.by || '') + '　' + when(m.reply.at))) : null,
      replyBox,
      el('p', {}, el('a', { href: '#/exchange' }, t('backToList'))));
  }

  // ---- send -------------------------------------------------------------------------------------------------
  async function exchangeNew(_arg, query) {
    const msg = message();
    let receiver = query.get('to') || '';
    const receiverInput = el('input', { name: 'receiverCode', id: 'send-receiver', maxlength: 15, value: receiver });
    const receiverName = el('span', { id: 'send-receiver-name' }, receiver ? place(receiver) : '');
    const deadline = el('span', { class: 'muted', id: 'send-deadline' });
    async function setReceiver(code) {
      receiver = code;
      receiverInput.value = code;
      receiverName.replaceChildren(code ? place(code) : '');
      deadline.textContent = '';
      if (!code) return;
      const d = await get('/api/exchange/deadlines?receiver=' + encodeURIComponent(code));
      if (d.ok && receiver === code) deadline.textContent = fmt('ex.deadlines', { u: d.data.URGENT, n: d.data.NORMAL });
    }
    receiverInput.addEventListener('change', () => setReceiver(receiverInput.value.trim()));
    if (receiver) setReceiver(receiver);
    const form = el('form', { class: 'box wide', id: 'send-form' }, el('h2', {}, t('ex.new')),
      el('p', {}, officeSelect('senderCode', myOffices()[0], 'send-sender')),
      el('p', {}, select('ex.kind', KINDS.map(k => [k, t(k)]), 'QUERY', { name: 'kind', id: 'send-kind' }), ' ',
        select('ex.urgency', [['NORMAL', t('NORMAL')], ['URGENT', t('URGENT')]], 'NORMAL', { name: 'urgency', id: 'send-urgency' })),
      el('p', {}, el('label', {}, t('ex.receiver'), receiverInput, receiverName), ' ',
        placePicker('send-pick', c => setReceiver(c))),
      el('p', {}, deadline),
      el('p', {}, field('ex.subject', '', { name: 'subject', id: 'send-subject', maxlength: 200 })),
      el('p', {}, el('label', {}, t('ex.body'), el('textarea', { name: 'body', id: 'send-body', rows: 4, maxlength: 4000 }))),
      query.get('migrant') ? el('p', {}, t('ex.migrant') + '：#' + query.get('migrant')) : null,
      el('button', { type: 'submit', class: 'primary', id: 'send-button' }, t('ex.send')), msg);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      fieldProblems(form, msg, null);
      const f = new FormData(form);
      const r = await api('POST', '/api/exchange/messages', { kind: f.get('kind'), urgency: f.get('urgency'),
        senderCode: f.get('senderCode') || null, receiverCode: receiverInput.value.trim(), subject: f.get('subject'),
        body: f.get('body'), migrantId: query.get('migrant') ? Number(query.get('migrant')) : null });
      if (r.ok) location.hash = '#/exchange-message/' + r.data.id; else fieldProblems(form, msg, r);
    });
    show(form, el('a', { href: '#/exchange' }, t('backToList')));
  }

  ui.register(null, { routes: { exchange: exchange, 'exchange-message': message1, 'exchange-new': exchangeNew }, text: TEXT });
})();
