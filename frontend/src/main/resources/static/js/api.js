// JSON from our own API, with a time limit and errors a person can read (Chinese first).

export class ApiError extends Error {
  constructor(message, { status = 0, url = '', detail = '', field = null, reason = '', problem = null } = {}) {
    super(message);
    this.status = status;
    this.url = url;
    this.detail = detail;
    /** The first field the server's problem names (RFC 9457 extension `field`), or null. */
    this.field = field;
    /** The server's reason for it, Chinese part only. */
    this.reason = reason;
    this.problem = problem;
  }
}

/**
 * The Chinese part of a server text such as "该位置距离…路网内 (the position is farther …)": our API
 * writes Chinese first and English in brackets after it; people here read the Chinese.
 */
export function chinese(text) {
  if (!text) return '';
  const t = String(text).trim();
  const m = t.match(/^(.*?[^\x00-\x7F].*?)\s*\([A-Za-z][\s\S]*\)$/);
  return m ? m[1] : t;
}

/**
 * The CSRF header a signed-in page's writes carry: the XSRF-TOKEN cookie the server set, sent back as X-XSRF-TOKEN
 * (another site's page can neither read the cookie nor set the header). Empty for reads.
 */
export function csrfHeader(method = 'POST') {
  if (method === 'GET' || method === 'HEAD') return {};
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? { 'X-XSRF-TOKEN': decodeURIComponent(m[1]) } : {};
}

/** GETs JSON; throws ApiError with a Chinese message for network failures, time-outs and error statuses. */
export function getJson(url, options = {}) {
  return request('GET', url, undefined, options);
}

/** POSTs JSON and reads the JSON answer (null for 204). */
export function postJson(url, body, options = {}) {
  return request('POST', url, body, options);
}

/** POSTs a multipart form (files and fields; the browser writes its Content-Type) and reads the JSON answer. */
export function postForm(url, form, options = {}) {
  return request('POST', url, form, { timeoutMs: 60000, ...options });
}

/** PUTs JSON and reads the JSON answer; `options.headers` adds request headers (e.g. If-Match). */
export function putJson(url, body, options = {}) {
  return request('PUT', url, body, options);
}

/** PATCHes JSON (the fields given change, the others stay) and reads the JSON answer. */
export function patchJson(url, body, options = {}) {
  return request('PATCH', url, body, options);
}

/** DELETEs; resolves with null for 204. */
export function deleteJson(url, options = {}) {
  return request('DELETE', url, undefined, options);
}

/**
 * The region the page shows: `?region=` of the page's address (a link opens the same city), or null while the
 * instance holds one region and the address names none.
 */
export function pageRegion() {
  return new URLSearchParams(window.location.search).get('region');
}

/** An /api address with the page's region added, unless it names one already. */
export function withRegion(url) {
  const region = pageRegion();
  if (!region || !url.startsWith('/api/') || /[?&]region=/.test(url)) return url;
  return url + (url.includes('?') ? '&' : '?') + 'region=' + encodeURIComponent(region);
}

async function request(method, url, body, { timeoutMs = 15000, signal, headers: extra = {} } = {}) {
  url = withRegion(url);
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  if (signal) {
    if (signal.aborted) ctrl.abort(signal.reason);
    else signal.addEventListener('abort', () => ctrl.abort(signal.reason), { once: true });
  }
  const headers = { Accept: 'application/json, application/geo+json, application/problem+json', ...csrfHeader(method), ...extra };
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined || form ? body : JSON.stringify(body),
      signal: ctrl.signal,
    });
  } catch (e) {
    if (signal && signal.aborted) throw e; // the caller cancelled: not an error to show
    const timedOut = e && (e.name === 'TimeoutError' || ctrl.signal.reason?.name === 'TimeoutError');
    throw new ApiError(timedOut ? '服务器响应超时，请稍后重试。' : '无法连接服务器，请检查网络后重试。', { url, detail: String(e) });
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 204) return null;
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const problem = json && typeof json === 'object' ? json : null;
    const first = problem && Array.isArray(problem.errors) && problem.errors.length ? problem.errors[0] : null;
    const field = (problem && problem.field) || (first && first.field) || null;
    const reason = chinese((problem && problem.reason) || (first && first.reason) || '');
    const detail = problem ? chinese(problem.detail || problem.title || '') : '';
    let message;
    if (response.status === 503) {
      message = detail || '服务器暂时不可用（503），请稍后重试。';
    } else if (response.status >= 500) {
      message = '服务器暂时不可用（' + response.status + '），请稍后重试。';
    } else {
      message = reason || detail || '请求失败（' + response.status + '）';
    }
    throw new ApiError(message, { status: response.status, url, detail, field, reason, problem });
  }
  if (json === null) {
    throw new ApiError('服务器返回的数据无法识别。', { status: response.status, url });
  }
  return json;
}

/** A query string from an object, leaving out empty values; arrays are joined with commas. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
