// Calls to the public API with the page's cookie session. Calls that change something carry the
// session's antiforgery token (from GET /api/me), without which the API refuses them.
let csrfToken = null;

export function useCsrfToken(token) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

// A call whose answer the caller reads itself (text, headers such as ETag); a refusal is an ApiError
// carrying the problem. Editor pages send files and If-Match through it.
export async function request(path, { method = 'GET', body, type, headers, signal } = {}) {
  const all = { Accept: 'application/json', ...headers };
  if (method !== 'GET' && csrfToken) all['X-CSRF-Token'] = csrfToken;
  if (type) all['Content-Type'] = type;
  const response = await fetch(path, { method, headers: all, signal, credentials: 'same-origin', body });
  if (response.status === 401) {
    // The session ended while the page was open: sign in again and come back here.
    location.assign('/aanmelden?terug=' + encodeURIComponent(location.pathname + location.search + location.hash));
    throw new ApiError(401, null);
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return response;
}

export async function api(path, { method = 'GET', body, signal } = {}) {
  const json = body === undefined ? {} : { body: JSON.stringify(body), type: 'application/json' };
  const response = await request(path, { method, signal, ...json });
  return response.status === 204 || response.status === 202 ? null : response.json();
}
