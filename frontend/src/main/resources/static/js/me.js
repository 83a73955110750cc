// Who is signed in (GET /api/me), as the pages' app bars show it: the user and role, the demo planner marked as such,
// or a link to sign in; and the way to the account page (/users.html): 用户管理 for region admins and admins,
// 修改密码 for every other signed-in user.
import { pageRegion } from './api.js';

/** The roles as GET /api/me and /api/users name them (Role.java), lowest first, with their Chinese names. */
export const ROLES = [
  ['DISTRICT_EDITOR', '区县编辑'],
  ['PLANNER', '规划员'],
  ['REGION_ADMIN', '区域管理员'],
  ['ADMIN', '系统管理员'],
];

/** Whether the user holds the role or one above it (the server's hierarchy: Role.java). */
export function hasRole(user, role) {
  const rank = (r) => ROLES.findIndex(([code]) => code === r);
  return Boolean(user) && rank(user.role) >= 0 && rank(user.role) >= rank(role);
}

/**
 * Whether the signed-in user (GET /api/me's answer) may use a panel that needs this role — the planning tools (siting,
 * targets, standards, what-if, saved scenarios) need PLANNER. An answer the page could not read shows the panel: the
 * server, which refuses what is not allowed, stays the authority; panels are hidden only from a role it would refuse.
 */
export function mayUse(me, role) {
  return !me || !me.signedIn || hasRole(me.user, role);
}

/** Whether the user manages users: a region admin (of their region) or an admin (of every region). */
export function managesUsers(user) {
  return Boolean(user) && (user.role === 'REGION_ADMIN' || user.role === 'ADMIN');
}

/**
 * Whether the user may edit a station of this district (adcode; null for a place outside every district) in the region the
 * page shows — the rule of the server's Access.requireStationEdit, which stays the authority: an admin anywhere; a planner
 * or region admin of no region anywhere, of a region its districts; a district editor only their own districts.
 */
export function mayEditStation(user, adcode, regionCode) {
  if (!user) return false;
  if (user.role === 'ADMIN' || (!user.region && user.role !== 'DISTRICT_EDITOR')) return true;
  if (!adcode) return false;
  if (user.role === 'DISTRICT_EDITOR') return (user.districts || []).includes(adcode);
  return Boolean(regionCode) && user.region === regionCode;
}

/** The app bar's badge (#user-badge): "张规划（规划员 · nanjing-core）", the demo planner marked, or 登录. */
export function userBadge(me) {
  const badge = document.createElement('span');
  badge.className = 'user-badge';
  badge.id = 'user-badge';
  if (me.signedIn) {
    const u = me.user;
    badge.dataset.demo = String(u.demo);
    badge.textContent = u.demo ? '演示模式：' + u.displayName : u.displayName + '（' + u.roleName + (u.region ? ' · ' + u.region : '') + '）';
    badge.title = u.demo ? '本机访问时自动以演示规划员身份登录，仅用于演示；正式部署请关闭（servicemap.security.demo-login=false）' : '';
  } else {
    const a = document.createElement('a');
    a.href = '/login.html?next=' + encodeURIComponent(window.location.pathname + window.location.search);
    a.textContent = '登录';
    badge.append(a);
  }
  return badge;
}

/**
 * The app bar's link to the account page, or null: 用户管理 (#users-link) for a region admin or admin, 修改密码
 * (#password-link) for another signed-in user (the demo planner has no password). It keeps the page's region.
 */
export function accountLink(me) {
  if (!me.signedIn) return null;
  const manages = managesUsers(me.user);
  if (!manages && me.user.demo) return null;
  const a = document.createElement('a');
  a.className = 'nav-link';
  a.id = manages ? 'users-link' : 'password-link';
  a.textContent = manages ? '用户管理' : '修改密码';
  const region = pageRegion();
  a.href = '/users' + (region ? '?region=' + encodeURIComponent(region) : '') + (manages ? '' : '#password');
  return a;
}
