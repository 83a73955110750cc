// 用户管理 (/users.html): a region admin manages their region's users, an admin every region's (a region picker with
// 全部) — the users in a table with their role, region, districts by name and 启用/停用; per row 停用/启用,
// 重置密码 and 修改角色/区县 inline (PATCH /api/users/{username}); 新建用户 (POST /api/users), with district
// checkboxes for a 区县编辑. Anyone signed in changes their own password here (POST /api/me/password), after
// which they sign in again. A refusal's reason is shown next to the field the problem detail names.
import { getJson, postJson, patchJson, chinese, pageRegion } from './api.js';
import { h } from './dom.js';
import { ROLES, managesUsers, userBadge } from './me.js';

const MIN_PASSWORD = 12; // UserService.MIN_PASSWORD_LENGTH: the server checks, this only says it beforehand
const EDITOR = 'DISTRICT_EDITOR';
const LOGIN = '/login.html?next=' + encodeURIComponent('/users.html');

const status = document.getElementById('users-status');
const note = document.getElementById('users-note');
const rows = document.getElementById('users-rows');
const picker = document.getElementById('users-region');

const state = {
  /** GET /api/me's user. */
  me: null,
  /** The regions of the instance: [{code, nameZh}] (GET /api/regions). */
  regions: [],
  /** The region shown: a code, or '' for 全部 (admins). */
  region: '',
  users: [],
  /** The row whose inline form is open: {username, row}. */
  open: null,
  /** Once the session has ended (password changed, signed out elsewhere), nothing more is sent. */
  ended: false,
};

/** Region code → Promise of Map adcode → district name (GET /api/districts?geometry=false). */
const districtNames = new Map();

function districtsOf(code) {
  if (!code || !state.regions.some((r) => r.code === code)) return Promise.resolve(new Map());
  if (!districtNames.has(code)) {
    const load = getJson('/api/districts?geometry=false&region=' + encodeURIComponent(code))
      .then((fc) => new Map((fc.features || []).map((f) => [f.properties.adcode, f.properties.name])))
      .catch((e) => {
        districtNames.delete(code); // asked again next time
        console.warn('districts of ' + code, e);
        return new Map();
      });
    districtNames.set(code, load);
  }
  return districtNames.get(code);
}

const isAdmin = () => state.me.role === 'ADMIN';

/** The roles this user may give: an admin every one, a region admin up to region admin. */
const givableRoles = () => ROLES.filter(([code]) => code !== 'ADMIN' || isAdmin());

function regionName(code) {
  if (!code) return '全部区域';
  const r = state.regions.find((x) => x.code === code);
  return r ? r.nameZh : code;
}

/** The regions one may choose for a user's scope: a region admin their own, an admin (or the demo planner) any. */
function scopeRegions() {
  if (state.me.region) return [state.me.region];
  return state.regions.map((r) => r.code);
}

function say(element, text, kind = '') {
  element.textContent = text;
  element.dataset.kind = kind;
  element.hidden = !text;
}

/** The session has ended (401): say so and offer to sign in again; nothing more is sent. */
function sessionEnded(text = '登录已失效，请重新登录。') {
  state.ended = true;
  status.replaceChildren(text, ' ', h('a', { href: LOGIN, class: 'btn btn-primary btn-small', id: 'users-login' }, '重新登录'));
  status.dataset.kind = 'error';
  status.hidden = false;
  for (const c of document.querySelectorAll('main button, main input, main select')) c.disabled = true;
}

/** A labelled control with the line its error goes on (`data-field`: the problem detail's field). */
function field(id, label, control, name) {
  control.id = id;
  if (name) control.name = name;
  const error = h('p', { class: 'form-error field-error', id: id + '-error', 'data-field': name, hidden: true });
  control.setAttribute('aria-describedby', error.id);
  return h('div', { class: 'users-field' }, h('label', { for: id }, label), control, error);
}

/** A form's errors: each reason next to the field the problem detail names, the others under the form. */
class Errors {
  constructor(form, general) {
    this.form = form;
    this.general = general;
  }

  clear() {
    for (const p of this.form.querySelectorAll('.field-error')) {
      p.hidden = true;
      p.textContent = '';
    }
    for (const c of this.form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
    say(this.general, '');
  }

  /** Puts a reason next to its field; false when the form has no such field. */
  field(name, reason) {
    const p = name && this.form.querySelector('.field-error[data-field="' + CSS.escape(name) + '"]');
    if (!p) return false;
    p.textContent = p.textContent ? p.textContent + '；' + reason : reason;
    p.hidden = false;
    const control = this.form.querySelector('[aria-describedby~="' + p.id + '"]');
    if (control) control.setAttribute('aria-invalid', 'true');
    if (!this.first) this.first = control;
    return true;
  }

  /** An ApiError from a write: 401 ends the session; the problem's fields get their reasons. */
  show(e) {
    if (e.status === 401) {
      sessionEnded();
      return;
    }
    const listed = e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
    const errors = e.status >= 500 || !listed.length ? [{ field: e.field, reason: e.message }] : listed;
    const other = [];
    this.first = null;
    for (const err of errors) {
      const reason = chinese(err.reason) || e.message;
      if (!this.field(err.field, reason)) other.push(reason);
    }
    if (other.length) say(this.general, other.join('；'), 'error');
    if (this.first && this.first.focus) this.first.focus();
  }
}

/**
 * 角色, 区域 and 所辖区县 of a user: the district checkboxes show for a 区县编辑 and follow the region chosen. A
 * region admin's users stay in their region (its name shown, not a choice).
 */
function scopeFields(prefix, { role, region, districts = [] }) {
  const chosen = new Set(districts);
  const roleSelect = h('select', {}, ...givableRoles().map(([code, name]) => h('option', { value: code, selected: code === role }, name)));
  const regions = scopeRegions();
  if (region && !regions.includes(region)) regions.push(region);
  const regionSelect = h('select', { disabled: regions.length < 2 && !isAdmin() },
    isAdmin() ? h('option', { value: '', selected: !region }, '不限区域（仅系统管理员）') : null,
    ...regions.map((code) => h('option', { value: code, selected: code === region }, regionName(code) + (regionName(code) === code ? '' : '（' + code + '）'))));
  const boxes = h('div', { class: 'district-boxes', id: prefix + '-district-boxes' });
  const error = h('p', { class: 'form-error field-error', id: prefix + '-districts-error', 'data-field': 'districts', hidden: true });
  const districtsField = h('fieldset', { class: 'users-districts', id: prefix + '-districts', 'aria-describedby': error.id },
    h('legend', {}, '所辖区县'), boxes, error);
  let filled = 0;
  const fill = async () => {
    const n = ++filled;
    boxes.replaceChildren(h('span', { class: 'panel-note' }, '正在加载区县…'));
    const names = await districtsOf(regionSelect.value);
    if (n !== filled) return;
    const sorted = [...names].sort((a, b) => a[0].localeCompare(b[0]));
    boxes.replaceChildren(...sorted.map(([code, name]) => h('label', { class: 'district-box' },
      h('input', { type: 'checkbox', name: 'districts', value: code, checked: chosen.has(code),
        onchange: (ev) => (ev.target.checked ? chosen.add(code) : chosen.delete(code)) }), name)));
    if (!sorted.length) boxes.append(h('span', { class: 'panel-note' }, regionSelect.value ? '该区域没有区县数据。' : '请先选择区域。'));
  };
  const showDistricts = () => {
    districtsField.hidden = roleSelect.value !== EDITOR;
  };
  roleSelect.addEventListener('change', () => {
    showDistricts();
    if (roleSelect.value === 'ADMIN' && regionSelect.value) { // an admin acts everywhere: no region to choose
      regionSelect.value = '';
      chosen.clear();
      fill();
    }
  });
  regionSelect.addEventListener('change', () => {
    chosen.clear();
    fill();
  });
  showDistricts();
  fill();
  return {
    nodes: [field(prefix + '-role', '角色', roleSelect, 'role'), field(prefix + '-region', '区域', regionSelect, 'region'), districtsField],
    role: () => roleSelect.value,
    region: () => regionSelect.value,
    setRegion(code) {
      if (regionSelect.disabled || ![...regionSelect.options].some((o) => o.value === code)) return;
      regionSelect.value = code;
      chosen.clear();
      fill();
    },
    /** The adcodes ticked that belong to the region chosen. */
    districts: () => [...boxes.querySelectorAll('input[name="districts"]:checked')].map((b) => b.value),
    reset() {
      chosen.clear();
      for (const b of boxes.querySelectorAll('input[name="districts"]')) b.checked = false;
    },
  };
}

// ——— the table ———

function districtText(u, names) {
  if (u.role !== EDITOR) return '—';
  const list = [...(u.districts || [])].sort();
  return list.length ? list.map((code) => names.get(code) || code).join('、') : '—';
}

async function loadUsers() {
  closeInline();
  say(note, '');
  rows.replaceChildren(h('tr', {}, h('td', { colspan: 7, class: 'users-empty' }, '正在加载用户…')));
  let users;
  try {
    // '' asks for every region (admins); an explicit region= keeps the page address's out
    users = (await getJson('/api/users?region=' + encodeURIComponent(state.region))).users;
  } catch (e) {
    if (e.status === 401) {
      sessionEnded();
      return;
    }
    rows.replaceChildren();
    say(note, '无法加载用户：' + e.message, 'error');
    return;
  }
  state.users = users;
  await render();
}

async function render() {
  const regionsOfEditors = [...new Set(state.users.filter((u) => u.role === EDITOR && u.region).map((u) => u.region))];
  const names = new Map();
  for (const m of await Promise.all(regionsOfEditors.map(districtsOf))) for (const [k, v] of m) names.set(k, v);
  closeInline();
  rows.replaceChildren(...state.users.map((u) => row(u, names)));
  if (!state.users.length) {
    rows.append(h('tr', {}, h('td', { colspan: 7, class: 'users-empty' }, state.region ? regionName(state.region) + '还没有用户。' : '还没有用户。')));
  }
}

function isSelf(u) {
  return !state.me.demo && u.username === state.me.username;
}

function row(u, names) {
  const actions = isSelf(u)
    ? h('span', { class: 'panel-note' }, '本人：请在下方修改密码')
    : [
      h('button', { type: 'button', class: 'btn btn-small ' + (u.enabled ? 'btn-danger' : 'btn-secondary'), 'data-action': 'toggle',
        onclick: (ev) => toggle(u, ev.currentTarget) }, u.enabled ? '停用' : '启用'),
      h('button', { type: 'button', class: 'btn btn-small btn-secondary', 'data-action': 'reset',
        onclick: (ev) => openInline(u, ev.currentTarget.closest('tr'), 'reset') }, '重置密码'),
      h('button', { type: 'button', class: 'btn btn-small btn-secondary', 'data-action': 'edit',
        onclick: (ev) => openInline(u, ev.currentTarget.closest('tr'), 'edit') }, '修改角色/区县'),
    ];
  return h('tr', { class: 'user-row' + (u.enabled ? '' : ' is-disabled'), dataset: { username: u.username } },
    h('td', { class: 'col-username' }, u.username),
    h('td', { class: 'col-name' }, u.displayName),
    h('td', { class: 'col-role' }, u.roleName),
    h('td', { class: 'col-region' }, regionName(u.region)),
    h('td', { class: 'col-districts' }, districtText(u, names)),
    h('td', { class: 'col-status' }, h('span', { class: 'user-status', 'data-enabled': String(u.enabled) }, u.enabled ? '启用' : '停用')),
    h('td', { class: 'col-actions' }, h('div', { class: 'user-actions' }, actions)));
}

/** Puts a changed user in the list and redraws the table. */
async function replaced(user) {
  state.users = state.users.map((u) => (u.username === user.username ? user : u));
  await render();
}

async function toggle(u, button) {
  button.disabled = true;
  say(note, '');
  try {
    const changed = await patchJson('/api/users/' + encodeURIComponent(u.username), { enabled: !u.enabled });
    await replaced(changed);
    say(note, changed.enabled ? '已启用 ' + u.username + '。' : '已停用 ' + u.username + '：其登录已失效，不能再登录。', 'ok');
  } catch (e) {
    button.disabled = false;
    if (e.status === 401) sessionEnded();
    else say(note, u.username + '：' + e.message, 'error');
  }
}

function closeInline() {
  if (state.open) {
    state.open.row.remove();
    state.open = null;
  }
}

/** Opens 重置密码 or 修改角色/区县 under the user's row (one at a time). */
function openInline(u, tr, kind) {
  const again = state.open && state.open.username === u.username && state.open.kind === kind;
  closeInline();
  if (again) return; // the same button closes it
  const form = kind === 'reset' ? resetForm(u) : editForm(u);
  const inline = h('tr', { class: 'user-inline', dataset: { username: u.username, kind } }, h('td', { colspan: 7 }, form));
  tr.after(inline);
  state.open = { username: u.username, kind, row: inline };
  const first = form.querySelector('input, select');
  if (first) first.focus();
}

function inlineButtons(prefix, submitText) {
  return h('div', { class: 'users-buttons' },
    h('button', { type: 'submit', class: 'btn btn-primary btn-small', id: prefix + '-submit' }, submitText),
    h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: closeInline }, '取消'));
}

function resetForm(u) {
  const input = h('input', { type: 'password', autocomplete: 'new-password', maxlength: '200' });
  const general = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'users-inline-form', id: 'reset-form', novalidate: true, 'aria-label': '重置 ' + u.username + ' 的密码' },
    h('p', { class: 'users-inline-title' }, '重置 ', h('strong', {}, u.username), ' 的密码：请将新密码当面或电话告知本人，其已登录的会话将结束。'),
    field('reset-password', '新密码（至少 ' + MIN_PASSWORD + ' 个字符）', input, 'password'),
    general, inlineButtons('reset', '确定重置'));
  const errors = new Errors(form, general);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    errors.clear();
    const submit = form.querySelector('[type="submit"]');
    submit.disabled = true;
    try {
      const changed = await patchJson('/api/users/' + encodeURIComponent(u.username), { password: input.value });
      await replaced(changed);
      say(note, '已重置 ' + u.username + ' 的密码。', 'ok');
    } catch (e) {
      submit.disabled = false;
      errors.show(e);
    }
  });
  return form;
}

function editForm(u) {
  const name = h('input', { type: 'text', maxlength: '100', value: u.displayName || '' });
  const scope = scopeFields('edit', { role: u.role, region: u.region, districts: u.districts || [] });
  const general = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'users-inline-form', id: 'edit-form', novalidate: true, 'aria-label': '修改 ' + u.username },
    h('p', { class: 'users-inline-title' }, '修改 ', h('strong', {}, u.username), '：角色或区县改变后，其已登录的会话将结束。'),
    h('div', { class: 'users-grid' }, field('edit-name', '姓名', name, 'displayName'), ...scope.nodes),
    general, inlineButtons('edit', '保存'));
  const errors = new Errors(form, general);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    errors.clear();
    const body = { displayName: name.value, role: scope.role() };
    if (isAdmin()) body.region = scope.region(); // a region admin's users stay in the region
    if (scope.role() === EDITOR) body.districts = scope.districts();
    const submit = form.querySelector('[type="submit"]');
    submit.disabled = true;
    try {
      const changed = await patchJson('/api/users/' + encodeURIComponent(u.username), body);
      if (state.region && changed.region !== state.region) {
        await loadUsers(); // moved to another region: no longer in this list
      } else {
        await replaced(changed);
      }
      say(note, '已保存 ' + u.username + '。', 'ok');
    } catch (e) {
      submit.disabled = false;
      errors.show(e);
    }
  });
  return form;
}

// ——— 新建用户 ———

function newUserForm() {
  const username = h('input', { type: 'text', autocomplete: 'off', maxlength: '64', autocapitalize: 'none', spellcheck: 'false' });
  const name = h('input', { type: 'text', autocomplete: 'off', maxlength: '100' });
  const password = h('input', { type: 'password', autocomplete: 'new-password', maxlength: '200' });
  const scope = scopeFields('new', { role: EDITOR, region: state.region || scopeRegions()[0] || '' });
  const general = h('p', { class: 'form-error', id: 'new-user-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'new-user-submit' }, '新建用户');
  const form = h('form', { class: 'users-form', id: 'new-user-form', novalidate: true, 'aria-labelledby': 'new-user-heading' },
    h('div', { class: 'users-grid' },
      field('new-username', '用户名（登录用，3–64 个字母、数字或 . _ @ -）', username, 'username'),
      field('new-name', '姓名', name, 'displayName'),
      field('new-password', '初始密码（至少 ' + MIN_PASSWORD + ' 个字符）', password, 'password'),
      ...scope.nodes),
    general, h('div', { class: 'users-buttons' }, submit));
  const errors = new Errors(form, general);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    errors.clear();
    const body = { username: username.value.trim(), displayName: name.value.trim(), password: password.value, role: scope.role(),
      region: scope.region() || null };
    if (scope.role() === EDITOR) body.districts = scope.districts();
    submit.disabled = true;
    try {
      const created = await postJson('/api/users', body);
      for (const input of [username, name, password]) input.value = ''; // the role and region stay: the next one is often alike
      scope.reset();
      say(general, '');
      await loadUsers();
      say(note, '已新建用户 ' + created.username + '（' + created.roleName + '）。', 'ok');
    } catch (e) {
      errors.show(e);
    } finally {
      submit.disabled = state.ended;
    }
  });
  return { form, scope };
}

// ——— 修改密码 ———

function passwordForm() {
  const current = h('input', { type: 'password', autocomplete: 'current-password', maxlength: '200' });
  const next = h('input', { type: 'password', autocomplete: 'new-password', maxlength: '200' });
  const again = h('input', { type: 'password', autocomplete: 'new-password', maxlength: '200' });
  const general = h('p', { class: 'form-error', id: 'password-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'password-submit' }, '修改密码');
  const form = h('form', { class: 'users-form users-password-form', id: 'password-form', novalidate: true, 'aria-labelledby': 'password-heading' },
    field('password-current', '当前密码', current, 'currentPassword'),
    field('password-new', '新密码（至少 ' + MIN_PASSWORD + ' 个字符）', next, 'newPassword'),
    field('password-again', '再次输入新密码', again, 'again'),
    general, h('div', { class: 'users-buttons' }, submit));
  const errors = new Errors(form, general);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    errors.clear();
    if (next.value !== again.value) {
      errors.field('again', '两次输入的新密码不一致');
      again.focus();
      return;
    }
    submit.disabled = true;
    try {
      await postJson('/api/me/password', { currentPassword: current.value, newPassword: next.value });
      form.reset();
      sessionEnded('密码已修改，请用新密码重新登录。');
      status.dataset.kind = 'ok';
    } catch (e) {
      submit.disabled = false;
      errors.show(e);
    }
  });
  return form;
}

// ——— the page ———

function pickerOptions() {
  const codes = scopeRegions();
  return [
    isAdmin() ? ['', '全部'] : null,
    ...codes.map((code) => [code, regionName(code)]),
  ].filter(Boolean);
}

function showRegion() {
  document.getElementById('users-region-name').textContent = state.region ? regionName(state.region) : '全部区域';
  const plan = document.getElementById('plan-link');
  plan.href = '/plan' + (state.region ? '?region=' + encodeURIComponent(state.region) : '');
  const address = new URL(window.location.href);
  if (state.region) address.searchParams.set('region', state.region);
  else address.searchParams.delete('region');
  window.history.replaceState(null, '', address);
}

async function start() {
  let me;
  try {
    me = await getJson('/api/me');
    state.regions = (await getJson('/api/regions')).regions.map((r) => r.region);
  } catch (e) {
    say(status, '无法加载：' + e.message, 'error');
    document.body.dataset.state = 'error';
    return;
  }
  if (!me.signedIn) {
    window.location.replace(LOGIN);
    return;
  }
  state.me = me.user;
  document.querySelector('.appbar nav').prepend(userBadge(me));
  const manages = managesUsers(state.me);
  if (!manages) {
    document.getElementById('users-title').textContent = '修改密码';
    document.title = '修改密码 · 职工服务阵地地图';
  }
  if (!state.me.demo) {
    document.getElementById('password').append(passwordForm());
    document.getElementById('password').hidden = false;
  }
  if (manages) {
    const options = pickerOptions();
    const wanted = pageRegion();
    state.region = options.some(([code]) => code === wanted) ? wanted : state.me.region || (isAdmin() ? '' : (options[0] || [''])[0]);
    picker.replaceChildren(...options.map(([code, label]) => h('option', { value: code, selected: code === state.region }, label)));
    picker.disabled = options.length < 2;
    const created = newUserForm();
    picker.addEventListener('change', () => {
      state.region = picker.value;
      showRegion();
      if (state.region) created.scope.setRegion(state.region);
      loadUsers();
    });
    showRegion();
    document.getElementById('new-user-section').append(created.form);
    document.getElementById('users-section').hidden = false;
    document.getElementById('new-user-section').hidden = false;
    await loadUsers();
  } else {
    const plan = document.getElementById('plan-link');
    if (pageRegion()) plan.href = '/plan?region=' + encodeURIComponent(pageRegion());
  }
  if (!state.ended) say(status, '');
  document.body.dataset.state = 'ready';
  if (window.location.hash === '#password') document.getElementById('password').scrollIntoView();
}

start();
