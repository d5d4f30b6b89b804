// Staff administration (工作人员): accounts, roles, jurisdictions, temporary passwords shown once, switching an
// account off. A core page for administrators: only their menu has the entry "staff" that names this script. It
// registers its route with the shell's helpers (window.Renkou); the server refuses everyone else anyway.
(function () {
  'use strict';
  const ui = window.Renkou;
  if (!ui) return;
  const { el, show, message, say, table, field, api, get, problem, failure, has } = ui;
  const t = ui.t;

  const ROLES = ['ADMIN', 'DIRECTOR', 'STATISTICIAN', 'FAMILY_SERVICES', 'WAREHOUSE_KEEPER', 'TEACHER',
    'ASSOCIATION_SECRETARY', 'AUDITOR'];
  const codesOf = (text) => String(text || '').split(/[,，\s]+/).filter(Boolean);

  /** The temporary password, shown once, with what to tell the staff member. */
  const passwordNotice = (username, password) => el('div', { class: 'plan', id: 'temporary-password' },
    el('p', {}, t('temporaryPasswordFor').replace('{user}', username)),
    el('p', {}, el('strong', { class: 'code-big', id: 'temporary-password-value' }, password)),
    el('p', { class: 'muted' }, t('temporaryPasswordHint')));

  function staffForm(s, onSaved) {
    const msg = message();
    const editing = !!s;
    const form = el('form', { class: 'box wide', id: editing ? 'staff-edit-form' : 'staff-form' },
      el('h2', {}, editing ? t('editStaff') + '：' + s.username : t('createStaff')),
      editing ? null : el('p', {}, field('username', '', { id: 'staff-username' })),
      el('p', {}, field('name', editing ? s.name : '', { id: editing ? 'edit-name' : 'staff-name' })),
      el('p', {}, t('roles'), el('br'), ROLES.map(r => el('label', { class: 'check' },
        el('input', { type: 'checkbox', name: 'roles', value: r, id: (editing ? 'edit-role-' : 'role-') + r,
          checked: editing && s.roles.includes(r) }), t(r)))),
      el('p', {}, field('jurisdictionCodes', editing ? s.jurisdictionCodes.join(', ') : '', { id: editing ? 'edit-codes' : 'staff-codes' })),
      editing ? null : el('p', {}, field('initialPasswordOptional', '', { id: 'staff-password', type: 'password', autocomplete: 'new-password' })),
      el('button', { type: 'submit', class: 'primary', id: editing ? 'staff-save' : 'staff-create' }, t('save')), ' ',
      editing ? el('button', { type: 'button', onclick: () => onSaved(null) }, t('cancel')) : null, msg);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const f = new FormData(form);
      const body = { name: f.get('name'), roles: f.getAll('roles'), jurisdictionCodes: codesOf(f.get('jurisdictionCodes')) };
      let res;
      if (editing) {
        res = await api('PUT', '/api/staff/' + encodeURIComponent(s.username),
          Object.assign(body, { username: s.username, active: s.active, version: s.version }));
      } else {
        res = await api('POST', '/api/staff', Object.assign(body, { username: f.get('username'),
          password: f.get('initialPasswordOptional') || null }));
      }
      if (!res.ok) { say(msg, res.status === 409 && editing ? t('conflict') : problem(res)); return; }
      if (!editing && !f.get('initialPasswordOptional')) {
        // no password typed: the server makes one, shown once here
        const reset = await api('POST', '/api/staff/' + encodeURIComponent(res.data.username) + '/password-reset');
        form.reset();
        onSaved(res.data, reset.ok ? passwordNotice(res.data.username, reset.data.temporaryPassword) : failure(reset));
        return;
      }
      if (!editing) form.reset();
      say(msg, editing ? t('saved') : t('created'), true);
      onSaved(res.data);
    });
    return form;
  }

  async function staff() {
    const list = el('div', { id: 'staff-list' });
    const side = el('div', { id: 'staff-side' });
    const notice = el('div', { id: 'staff-notice' });
    const msg = message();
    async function toggle(s) {
      const res = await api('PUT', '/api/staff/' + encodeURIComponent(s.username), Object.assign({}, s, { active: !s.active }));
      if (res.ok) { say(msg, t(res.data.active ? 'enabledNow' : 'disabledNow').replace('{user}', s.username), true); load(); }
      else say(msg, problem(res));
    }
    async function reset(s) {
      if (!window.confirm(t('resetConfirm').replace('{user}', s.username))) return;
      const res = await api('POST', '/api/staff/' + encodeURIComponent(s.username) + '/password-reset');
      if (res.ok) notice.replaceChildren(passwordNotice(s.username, res.data.temporaryPassword));
      else say(msg, problem(res));
    }
    function edit(s) {
      side.replaceChildren(staffForm(s, (saved) => { side.replaceChildren(create()); if (saved) load(); }));
    }
    const create = () => staffForm(null, (saved, extra) => { notice.replaceChildren(extra || ''); load(); });
    async function load() {
      const res = await get('/api/staff');
      if (!res.ok) { list.replaceChildren(failure(res)); return; }
      list.replaceChildren(table([['username', s => s.username], ['name', s => s.name],
        ['roles', s => s.roles.map(t).join('、')], ['jurisdiction', s => s.jurisdictionCodes.flatMap((c, i) => [i ? ', ' : '', ui.place(c)])],
        ['active', s => el('span', { class: 'badge ' + (s.active ? 'VALID' : 'REVOKED') }, t(s.active ? 'yes' : 'no'))],
        ['action', s => has('ADMIN') ? el('span', { class: 'toolbar', 'data-user': s.username },
          el('button', { type: 'button', class: 'edit', onclick: () => edit(s) }, t('edit')),
          // one's own password is changed (修改密码), not reset; one's own account is not switched off
          s.username === ui.me().username ? null : [el('button', { type: 'button', class: 'reset', onclick: () => reset(s) },
            t('resetPassword')), el('button', { type: 'button', class: 'toggle', onclick: () => toggle(s) },
            t(s.active ? 'disable' : 'enable'))]) : '']], res.data));
    }
    side.replaceChildren(has('ADMIN') ? create() : '');
    show(el('h2', {}, t('staff')), msg, notice, list, side);
    load();
  }

  ui.register(null, { routes: { staff: staff } });
})();
