// The login page: signs in with the CSRF token in its header (X-XSRF-TOKEN, from the cookie the server set), then goes
// where the person came from; says why a login failed.
import { csrfHeader } from './api.js';

const params = new URLSearchParams(window.location.search);
const message = document.getElementById('login-message');
const form = document.getElementById('login-form');
const say = (text) => {
  message.textContent = text;
  message.hidden = !text;
};
const error = params.get('error');
if (error) say(error === 'locked' ? '登录失败次数过多，账号已暂时锁定，请稍后再试。' : '用户名或密码不正确。');
document.getElementById('login-next').value = params.get('next') || '/plan';

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const submit = document.getElementById('login-submit');
  submit.disabled = true;
  say('');
  try {
    const response = await fetch('/login', { method: 'POST', body: new URLSearchParams(new FormData(form)),
      headers: { ...csrfHeader('POST') }, redirect: 'follow' });
    // the server answers with a redirect: to the page asked for, or back here with ?error=
    window.location.assign(response.url || '/plan');
  } catch (err) {
    say('无法连接服务器，请检查网络后重试。');
    submit.disabled = false;
  }
});
