// The login page: fills the CSRF token from its cookie and the page to return to, and says why a login failed.
const params = new URLSearchParams(window.location.search);
const message = document.getElementById('login-message');
const error = params.get('error');
if (error) {
  message.textContent = error === 'locked' ? '登录失败次数过多，账号已暂时锁定，请稍后再试。' : '用户名或密码不正确。';
  message.hidden = false;
}
document.getElementById('login-next').value = params.get('next') || '/plan';
const token = () => {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
};
document.getElementById('login-csrf').value = token();
document.getElementById('login-form').addEventListener('submit', () => {
  document.getElementById('login-csrf').value = token(); // the cookie may have been set after the page loaded
});
