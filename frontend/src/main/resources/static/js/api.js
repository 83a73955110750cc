// JSON from our own API, with a time limit and errors a person can read (Chinese first).

export class ApiError extends Error {
  constructor(message, { status = 0, url = '', detail = '' } = {}) {
    super(message);
    this.status = status;
    this.url = url;
    this.detail = detail;
  }
}

/** GETs JSON; throws ApiError with a Chinese message for network failures, time-outs and error statuses. */
export async function getJson(url, { timeoutMs = 15000, signal } = {}) {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  if (signal) signal.addEventListener('abort', () => ctrl.abort(signal.reason), { once: true });
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json, application/geo+json' }, signal: ctrl.signal });
  } catch (e) {
    const timedOut = e && (e.name === 'TimeoutError' || ctrl.signal.reason?.name === 'TimeoutError');
    throw new ApiError(timedOut ? '服务器响应超时，请稍后重试。' : '无法连接服务器，请检查网络后重试。', { url, detail: String(e) });
  } finally {
    clearTimeout(timer);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const detail = body && (body.detail || body.title) ? (body.detail || body.title) : '';
    const message = response.status >= 500
      ? '服务器暂时不可用（' + response.status + '），请稍后重试。'
      : '请求失败（' + response.status + '）' + (detail ? '：' + detail : '');
    throw new ApiError(message, { status: response.status, url, detail });
  }
  if (body === null) {
    throw new ApiError('服务器返回的数据无法识别。', { status: response.status, url });
  }
  return body;
}
