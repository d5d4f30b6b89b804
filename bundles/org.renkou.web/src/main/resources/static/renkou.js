// Minimal first page: health, the jurisdiction tree, and a form to add a jurisdiction. All text is set with
// textContent, never innerHTML, so names typed by users cannot inject markup.
(function () {
  const text = {
    zh: { title: '人口与家庭服务平台', tree: '行政区划', add: '新增区划', parentCode: '上级代码', code: '代码',
          name: '名称', level: '层级', save: '保存', saved: '已保存', lang: 'English',
          UP: '运行正常', STARTING: '正在启动', DEGRADED: '部分模块异常', DOWN: '故障' },
    en: { title: 'Population and Family Services', tree: 'Jurisdictions', add: 'Add a jurisdiction',
          parentCode: 'Parent code', code: 'Code', name: 'Name', level: 'Level', save: 'Save', saved: 'Saved',
          lang: '中文', UP: 'running', STARTING: 'starting', DEGRADED: 'degraded', DOWN: 'down' }
  };
  let lang = localStorage.getItem('renkou.lang') || 'zh';
  const t = (k) => text[lang][k] || k;
  const headers = () => ({ 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN', 'Content-Type': 'application/json' });

  function applyLanguage() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.getElementById('lang').textContent = t('lang');
  }

  async function health() {
    const r = await fetch('/api/health');
    const h = await r.json();
    document.getElementById('status').textContent = t(h.status) + ' · ' + h.activeBundles + ' bundles';
  }

  async function children(parent, ul) {
    const r = await fetch('/api/jurisdictions' + (parent ? '?parent=' + encodeURIComponent(parent) : ''), { headers: headers() });
    ul.replaceChildren();
    for (const j of await r.json()) {
      const li = document.createElement('li');
      const toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.textContent = j.childCount > 0 ? '▸' : '·';
      const name = document.createElement('span');
      name.textContent = j.name;
      const code = document.createElement('span');
      code.className = 'code';
      code.textContent = j.code;
      const sub = document.createElement('ul');
      toggle.addEventListener('click', () => {
        if (sub.childElementCount) { sub.replaceChildren(); toggle.textContent = '▸'; }
        else if (j.childCount > 0) { children(j.code, sub); toggle.textContent = '▾'; }
      });
      name.addEventListener('click', () => { document.querySelector('[name=parentCode]').value = j.code; });
      li.append(toggle, name, code, sub);
      ul.append(li);
    }
  }

  document.getElementById('add').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    const body = Object.fromEntries(f.entries());
    if (!body.parentCode) delete body.parentCode;
    const r = await fetch('/api/jurisdictions', { method: 'POST', headers: headers(), body: JSON.stringify(body) });
    const msg = document.getElementById('message');
    if (r.ok) { msg.className = ''; msg.textContent = t('saved'); children(null, document.getElementById('tree')); }
    else { const p = await r.json(); msg.className = 'error'; msg.textContent = p.detail || p.title; }
  });
  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('renkou.lang', lang);
    applyLanguage(); health();
  });

  applyLanguage();
  health();
  children(null, document.getElementById('tree'));
})();
