// 批量导入 Import: upload residents from CSV or Excel by drag and drop (or choosing a file), follow the job with a
// progress bar (rows, rate, time left) that survives a reload (the job id is in the route and in localStorage), see
// the rejected rows (line, column, reason) and the 15-digit ID conversions, download them as Excel, and the job
// history. The template workbook comes from /api/imports/template.xlsx. Registered through window.Renkou like every page.
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, t, show, table, when, failure } = ui;
  const CURRENT = 'renkou.import.current';
  let polling = 0; // generation of the poll loop: a new view stops the old loop

  if (!document.getElementById('pages-imports-css')) {
    document.head.append(el('link', { id: 'pages-imports-css', rel: 'stylesheet', href: '/ui/pages-imports.css' }));
  }

  const TEXT = {
    zh: {
      imports: '批量导入', importDrop: '把 CSV 或 Excel（.xlsx）文件拖到这里，或点击选择文件', importTemplate: '下载导入模板（Excel）',
      importHint: '必填列：idNumber、name、residenceCode；其余列可省略。15 位旧身份证号码会自动转换为 18 位。',
      importUploading: '正在上传…', importJob: '导入任务', importRows: '行', importRate: '速度', importLeft: '剩余时间',
      importImported: '已导入', importSkipped: '已登记跳过', importRejected: '被拒', importErrors: '被拒的行',
      importErrorsXlsx: '下载被拒行（Excel）', importLine: '行号', importColumn: '列', importReason: '原因',
      importConversions: '15 位身份证号码转换', importFrom: '原号码（15 位）', importTo: '新号码（18 位）',
      importHistory: '导入记录', importStarted: '开始时间', importState: '状态', RUNNING: '进行中', DONE: '已完成',
      importNew: '再导入一个文件', importPerSecond: '行/秒', importSeconds: '秒', importMinutes: '分钟',
      importWholeRow: '（整行）'
    },
    en: {
      imports: 'Import', importDrop: 'Drop a CSV or Excel (.xlsx) file here, or click to choose one',
      importTemplate: 'Download the template (Excel)',
      importHint: 'Required columns: idNumber, name, residenceCode; the others may be left out. Old 15-digit ID numbers are converted to 18 digits.',
      importUploading: 'Uploading…', importJob: 'Import job', importRows: 'rows', importRate: 'rate', importLeft: 'time left',
      importImported: 'imported', importSkipped: 'already registered', importRejected: 'rejected', importErrors: 'Rejected rows',
      importErrorsXlsx: 'Download the rejected rows (Excel)', importLine: 'Line', importColumn: 'Column', importReason: 'Reason',
      importConversions: '15-digit ID numbers converted', importFrom: 'old (15 digits)', importTo: 'new (18 digits)',
      importHistory: 'Import history', importStarted: 'started', importState: 'state', RUNNING: 'running', DONE: 'done',
      importNew: 'Import another file', importPerSecond: 'rows/s', importSeconds: 's', importMinutes: 'min',
      importWholeRow: '(row)'
    }
  };

  const lang = () => (ui.lang() === 'en' ? 'en' : 'zh');

  /** Sends the file as the request body (CSV or xlsx; the server recognises Excel by its content). */
  async function upload(file, out) {
    out.className = 'msg';
    out.textContent = t('importUploading') + ' ' + file.name;
    const headers = { 'Content-Type': /\.xlsx$/i.test(file.name) ? 'application/octet-stream' : 'text/csv',
      'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN', 'X-CSRF-Token': (ui.me() || {}).csrfToken || '' };
    let r;
    try {
      r = await fetch('/api/imports', { method: 'POST', headers: headers, credentials: 'same-origin', body: file });
    } catch (e) {
      out.className = 'error';
      out.textContent = String(e);
      return;
    }
    const data = (r.headers.get('Content-Type') || '').includes('json') ? await r.json() : null;
    if (!r.ok) {
      out.className = 'error';
      out.id = 'import-problem';
      out.textContent = ui.problem({ status: r.status, data: data });
      return;
    }
    localStorage.setItem(CURRENT, data.id);
    location.hash = '#/imports/' + encodeURIComponent(data.id);
  }

  function dropZone(out) {
    const input = el('input', { type: 'file', id: 'import-file', accept: '.csv,.txt,.xlsx', hidden: true,
      onchange: () => { if (input.files[0]) upload(input.files[0], out); } });
    const zone = el('div', { id: 'import-drop', tabindex: '0', role: 'button',
      onclick: () => input.click(),
      onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') input.click(); },
      ondragover: (e) => { e.preventDefault(); zone.classList.add('over'); },
      ondragleave: () => zone.classList.remove('over'),
      ondrop: (e) => {
        e.preventDefault();
        zone.classList.remove('over');
        const f = e.dataTransfer && e.dataTransfer.files[0];
        if (f) upload(f, out);
      } }, t('importDrop'));
    return [zone, input];
  }

  function duration(seconds) {
    if (!isFinite(seconds) || seconds < 0) return '—';
    return seconds < 90 ? Math.ceil(seconds) + ' ' + t('importSeconds') : Math.ceil(seconds / 60) + ' ' + t('importMinutes');
  }

  function figures(job) {
    const left = job.state === 'RUNNING' && job.rowsPerSecond > 0
      ? (job.totalRows - job.processedRows) / job.rowsPerSecond : (job.state === 'RUNNING' ? NaN : 0);
    return el('p', { class: 'import-figures', id: 'import-figures' },
      el('span', { id: 'import-rows' }, job.processedRows + ' / ' + job.totalRows + ' ' + t('importRows')),
      el('span', { id: 'import-rate' }, t('importRate') + ' ' + Math.round(job.rowsPerSecond) + ' ' + t('importPerSecond')),
      el('span', { id: 'import-left' }, t('importLeft') + ' ' + duration(left)),
      el('span', { id: 'import-counts' }, t('importImported') + ' ' + job.importedRows + '，' + t('importSkipped') + ' '
        + job.skippedExisting + '，' + t('importRejected') + ' ' + job.errorRows));
  }

  function report(job) {
    const parts = [];
    parts.push(el('h3', {}, t('importErrors') + '（' + job.errorRows + '）'));
    parts.push(el('p', { class: 'import-actions' },
      el('a', { id: 'import-errors-xlsx', href: '/api/imports/' + encodeURIComponent(job.id) + '/errors.xlsx',
        download: job.id + '-errors.xlsx' }, t('importErrorsXlsx'))));
    const errors = table([['importLine', e => e.line], ['importColumn', e => e.field || t('importWholeRow')],
      ['importReason', e => (lang() === 'en' ? e.messageEn : e.message)]], job.errors || []);
    errors.id = 'import-errors';
    parts.push(errors);
    if (job.convertedIds > 0) {
      parts.push(el('h3', {}, t('importConversions') + '（' + job.convertedIds + '）'));
      const conv = table([['importLine', c => c.line], ['importFrom', c => c.from], ['importTo', c => c.to]],
        job.conversions || []);
      conv.id = 'import-conversions';
      parts.push(conv);
    }
    return parts;
  }

  /** One job: polls every second while it runs (the figures come from the server, so a reload loses nothing). */
  async function jobView(id) {
    const generation = ++polling;
    const head = el('h2', {}, t('importJob') + ' ' + id);
    const bar = el('progress', { id: 'import-progress', max: '100', value: '0' });
    const state = el('p', { id: 'import-state' });
    const body = el('div', { id: 'import-report' });
    show(head, el('p', { class: 'import-actions' }, el('a', { href: '#/imports', id: 'import-new' }, t('importNew'))),
      bar, state, el('div', { id: 'import-figures-box' }), body);
    for (;;) {
      if (generation !== polling || !location.hash.startsWith('#/imports/')) return;
      const res = await ui.get('/api/imports/' + encodeURIComponent(id));
      if (generation !== polling) return;
      if (!res.ok) {
        body.replaceChildren(failure(res));
        if (localStorage.getItem(CURRENT) === id) localStorage.removeItem(CURRENT);
        return;
      }
      const job = res.data;
      bar.value = job.percent;
      bar.textContent = job.percent + '%';
      state.textContent = t(job.state) + ' · ' + job.percent + '%' + (job.message ? ' · ' + job.message : '');
      state.className = job.state === 'FAILED' ? 'error' : (job.state === 'DONE' ? 'ok' : 'msg');
      state.dataset.state = job.state;
      document.getElementById('import-figures-box').replaceChildren(figures(job));
      if (job.state !== 'RUNNING') {
        if (localStorage.getItem(CURRENT) === id) localStorage.removeItem(CURRENT);
        body.replaceChildren(...report(job));
        return;
      }
      await new Promise(r => setTimeout(r, 1000));
    }
  }

  async function imports(id) {
    if (id) return jobView(decodeURIComponent(id));
    polling++;
    const running = localStorage.getItem(CURRENT);
    if (running) { // an upload was running when the page was left or reloaded: back to it
      location.hash = '#/imports/' + encodeURIComponent(running);
      return;
    }
    const out = el('p', { class: 'msg', role: 'status', id: 'import-message' });
    const history = el('div', { id: 'import-history' });
    show(el('h2', {}, t('imports')),
      el('p', { class: 'import-actions' }, el('a', { id: 'import-template', href: '/api/imports/template.xlsx',
        download: 'renkou-import-template.xlsx' }, t('importTemplate'))),
      el('p', { class: 'muted' }, t('importHint')), dropZone(out), out, el('h3', {}, t('importHistory')), history);
    const res = await ui.get('/api/imports');
    if (!res.ok) { history.replaceChildren(failure(res)); return; }
    history.replaceChildren(table([
      ['importJob', j => el('a', { href: '#/imports/' + encodeURIComponent(j.id) }, j.id)],
      ['importStarted', j => when(j.startedAt)], ['importState', j => t(j.state)],
      ['importRows', j => j.processedRows + ' / ' + j.totalRows], ['importImported', j => j.importedRows],
      ['importRejected', j => j.errorRows]], res.data));
  }

  ui.register(null, { routes: { imports: imports }, text: TEXT });
})();
