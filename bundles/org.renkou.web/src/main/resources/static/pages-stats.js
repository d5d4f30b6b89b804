// The dashboard (工作台, #/dashboard) and the statistics page (统计报表, #/statistics?jurisdiction=&from=&to=), which
// share the charts. Core pages: the menu entries "dashboard" and "statistics" name this script and the shell loads
// it; it registers its routes with the shell's helpers (window.Renkou). Every value reaches the page as text nodes.
(function () {
  'use strict';
  const shell = window.Renkou;
  if (!shell) return;
  const ui = () => shell;
  const RED = '#a61b29';
  const BLUE = '#2f5d8a';
  const charts = {};

  /** "统计截至 2026-11-24 16:50" in Beijing time, whatever the browser's zone. */
  function asOf(snapshot) {
    const { t } = ui();
    if (!snapshot || !snapshot.asOf) return t('asOfNone');
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(snapshot.asOf));
    const p = Object.fromEntries(parts.map(x => [x.type, x.value]));
    return t('asOf') + ' ' + p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute
      + (snapshot.refreshing ? ' · ' + t('refreshing') : '');
  }

  /** A bar chart on a canvas; replaces the chart that canvas id had (pages re-render). */
  function bar(canvas, labels, datasets, stacked) {
    if (!window.Chart) return;
    if (charts[canvas.id]) charts[canvas.id].destroy();
    charts[canvas.id] = new window.Chart(canvas, { type: 'bar',
      options: { animation: false, plugins: { legend: { display: datasets.length > 1 } },
        scales: { x: { stacked: !!stacked }, y: { stacked: !!stacked, beginAtZero: true, ticks: { precision: 0 } } } },
      data: { labels: labels, datasets: datasets.map((d, i) => Object.assign({ backgroundColor: i ? BLUE : RED }, d)) } });
  }

  function ageChart(canvas, bands) {
    const { t, lang } = ui();
    bar(canvas, bands.map(b => lang === 'en' ? b.nameEn : b.nameZh),
      [{ label: t('MALE'), data: bands.map(b => b.male) }, { label: t('FEMALE'), data: bands.map(b => b.female) }], true);
  }

  /** A figure with its label, e.g. the number of residents. */
  function card(key, n, id) {
    const { el, t } = ui();
    return el('div', { class: 'card', id: id }, el('div', {}, t(key)), el('div', { class: 'n' }, n));
  }

  const name = (row) => (ui().lang() === 'en' ? row.nameEn : row.nameZh);

  /** The report as a download: fetched with the UI's language, saved under the server's file name. */
  async function download(query, msg) {
    const { t, say, lang } = ui();
    const r = await fetch('/api/statistics/report?format=xlsx&' + query.toString(),
      { credentials: 'same-origin', headers: { 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN' } });
    if (!r.ok) {
      const p = await r.json().catch(() => ({}));
      say(msg, p.detail || (t('error') + ' ' + r.status));
      return;
    }
    const blob = await r.blob();
    const file = /filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = file ? file[1] : 'statistics.xlsx';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    say(msg, t('downloaded'), true);
  }

  async function page(_id, query) {
    const { el, get, api, t, show, failure, message, say, table, has } = ui();
    const q = query instanceof URLSearchParams ? query : new URLSearchParams();
    const jurisdiction = q.get('jurisdiction') || '';
    const params = new URLSearchParams();
    if (jurisdiction) params.set('jurisdiction', jurisdiction);
    if (q.get('from')) params.set('from', q.get('from'));
    if (q.get('to')) params.set('to', q.get('to'));
    const jq = jurisdiction ? 'jurisdiction=' + encodeURIComponent(jurisdiction) : '';
    const [pop, act] = await Promise.all([get('/api/statistics/population?' + jq),
      get('/api/statistics/activity?' + params.toString())]);
    const title = el('h2', {}, t('statistics'));
    if (!pop.ok) { show(title, failure(pop)); return; }
    if (!act.ok) { show(title, failure(act)); return; }
    const p = pop.data;
    const a = act.data;
    const go = (next) => { location.hash = '#/statistics?' + next.toString(); };
    const msg = message();

    // where we are, and the way back up
    const me = ui().me();
    const up = new URLSearchParams(params);
    if (p.parentCode) up.set('jurisdiction', p.parentCode);
    const here = el('p', { id: 'stats-where' }, t('jurisdiction') + '：',
      p.jurisdictionCode ? p.jurisdictionName + ' (' + p.jurisdictionCode + ')'
        : t(me && me.jurisdictionCodes.includes('') ? 'wholeCountry' : 'allMine'), ' ',
      p.parentCode ? el('a', { href: '#/statistics?' + up.toString(), id: 'stats-up' },
        t('upTo') + p.parentName) : null, ' ',
      jurisdiction ? el('a', { href: '#/statistics', id: 'stats-top' }, t('backToMine')) : null);
    const from = el('input', { type: 'month', name: 'from', id: 'stats-from', value: a.from });
    const to = el('input', { type: 'month', name: 'to', id: 'stats-to', value: a.to });
    const toolbar = el('form', { class: 'toolbar', id: 'stats-form' },
      el('label', {}, t('fromMonth'), from), el('label', {}, t('toMonth'), to),
      el('button', { type: 'submit' }, t('search')),
      el('button', { type: 'button', class: 'primary', id: 'stats-download', onclick: () => download(params, msg) },
        t('downloadExcel')),
      has('ADMIN') ? el('button', { type: 'button', id: 'stats-refresh', onclick: async (e) => {
        e.target.disabled = true;
        say(msg, t('refreshing'), true);
        const r = await api('POST', '/api/statistics/refresh');
        if (!r.ok) { e.target.disabled = false; say(msg, ui().problem(r)); return; }
        page(undefined, q);
      } }, t('refreshNow')) : null);
    toolbar.addEventListener('submit', (e) => {
      e.preventDefault();
      const next = new URLSearchParams(params);
      next.set('from', from.value);
      next.set('to', to.value);
      go(next);
    });

    const drill = (row) => {
      const next = new URLSearchParams(params);
      next.set('jurisdiction', row.code);
      go(next);
    };
    const areas = p.areas.map(x => Object.assign({}, x, { label: x.code ? x.name : t('notInSubUnit') }));
    const areaTable = table([['code', x => x.code || ''], ['jurisdiction', x => x.label], ['statTotal', x => x.total],
      ['livingHere', x => x.livingHere], ['registeredHere', x => x.registeredHere], ['MALE', x => x.male],
      ['FEMALE', x => x.female], ['MIGRANT', x => x.migrants],
      ['subUnits', x => x.code && x.hasChildren ? el('button', { type: 'button', class: 'drill', 'data-code': x.code,
        onclick: () => drill(x) }, t('drillDown')) : '']], areas);
    areaTable.id = 'stats-areas';
    const bySex = (rows, id) => {
      const tb = table([['category', name], ['statTotal', x => x.total], ['MALE', x => x.male], ['FEMALE', x => x.female]], rows);
      tb.id = id;
      return tb;
    };
    const ageCanvas = el('canvas', { id: 'stats-chart-ages', width: 600, height: 260 });
    const monthCanvas = el('canvas', { id: 'stats-chart-months', width: 600, height: 260 });
    const months = a.months.concat([Object.assign({}, a.totals, { month: t('statTotal') })]);
    const monthTable = table([['month', x => x.month], ['marriages', x => x.marriages], ['divorces', x => x.divorces],
      ['births', x => x.births], ['firstBirths', x => x.firstBirths], ['secondBirths', x => x.secondBirths],
      ['thirdBirths', x => x.thirdOrLaterBirths], ['certificatesIssued', x => x.certificatesIssued],
      ['applicationsSubmitted', x => x.applicationsSubmitted], ['migrantsArrived', x => x.migrantsArrived],
      ['migrantsLeft', x => x.migrantsLeft]], months);
    monthTable.id = 'stats-months';
    const certTable = table([['type', x => x.key], ['itemName', name], ['certificatesIssued', x => x.total]], a.certificatesByType);
    const benefitTable = table([['scheme', x => x.schemeId], ['itemName', name], ['IN_REVIEW', x => x.inReview],
      ['APPROVED', x => x.approved], ['PAID', x => x.paid], ['REJECTED', x => x.rejected], ['statTotal', x => x.total]],
      a.benefits);
    benefitTable.id = 'stats-benefits';

    show(title, here, el('p', { class: 'muted', id: 'stats-as-of' }, asOf(p.snapshot)), toolbar, msg,
      el('div', { class: 'cards' }, card('statTotal', p.total, 'stats-total'), card('livingHere', p.livingHere, 'stats-living'),
        card('registeredHere', p.registeredHere, 'stats-registered'),
        card('womenChildbearing', p.womenOfChildbearingAge, 'stats-women'),
        card('marriedWomenChildbearing', p.marriedWomenOfChildbearingAge, 'stats-married-women')),
      el('h3', {}, t('byJurisdiction')), el('p', { class: 'muted' }, t('dualNote')), areaTable,
      el('h3', {}, t('ageSex')), ageCanvas, bySex(p.byAgeBand, 'stats-ages'),
      el('div', { class: 'cols' }, el('div', {}, el('h3', {}, t('byStatus')), bySex(p.byStatus, 'stats-status')),
        el('div', {}, el('h3', {}, t('byMarital')), bySex(p.byMaritalStatus, 'stats-marital'))),
      el('h3', {}, t('byMonth') + '（' + a.from + ' – ' + a.to + '）'), monthCanvas, monthTable,
      el('div', { class: 'cols' }, el('div', {}, el('h3', {}, t('certificatesByType')), certTable),
        el('div', {}, el('h3', {}, t('benefitsByScheme')), benefitTable)));
    ageChart(ageCanvas, p.byAgeBand);
    bar(monthCanvas, a.months.map(m => m.month), [{ label: t('marriages'), data: a.months.map(m => m.marriages) },
      { label: t('births'), data: a.months.map(m => m.births) }]);
  }

  async function dashboard() {
    const { el, get, t, show, failure } = ui();
    // one request: counts from the statistics snapshot, pending decisions live (GET /api/statistics/dashboard)
    const res = await get('/api/statistics/dashboard');
    if (!res.ok) { show(el('h2', {}, t('dashboard')), failure(res)); return; }
    const d = res.data;
    const canvas = el('canvas', { id: 'chart', width: 600, height: 260 });
    const ages = el('canvas', { id: 'chart-ages', width: 600, height: 260 });
    show(el('h2', {}, t('dashboard')), el('p', { class: 'muted', id: 'as-of' }, asOf(d.snapshot)),
      el('div', { class: 'cards' }, card('residentCount', d.residents, 'count-residents'),
        card('householdCount', d.households, 'count-households'),
        card('pendingHere', d.pendingForMe + ' (' + t('pendingReady') + ' ' + d.pendingReadyForMe + ')', 'count-pending'),
        card('certificateCount', d.validCertificates, 'count-certificates'),
        card('migrantsPresent', d.migrantsPresent, 'count-migrants')),
      // modules' cards (MenuEntry.slots "dashboard"), e.g. the population school's quarter
      el('div', { class: 'slot-row', id: 'dashboard-slots' }, ui().slot('dashboard')),
      el('h2', {}, t('applicationsByStatus')), canvas, el('h2', {}, t('ageSex')), ages);
    bar(canvas, d.applicationsByStatus.map(x => t(x.key)), [{ data: d.applicationsByStatus.map(x => x.total) }]);
    ageChart(ages, d.byAgeBand);
  }

  shell.register(null, { routes: { dashboard: dashboard, statistics: page } });
})();
