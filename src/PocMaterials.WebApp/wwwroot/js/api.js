// Calls to the public API with the page's cookie session. Calls that change something carry the
// session's antiforgery token (from GET /api/me), without which the API refuses them.
let csrfToken = null;

export function useCsrfToken(token) {
  csrfToken = token;
}

// What a page says when a change was refused because the session ended (a 401's problem carries it as its title).
export const expiredSession = 'Je sessie is verlopen. Meld je aan in een nieuw tabblad (/aanmelden) en probeer het dan hier '
  + 'opnieuw: wat je hier typte, blijft staan.';

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
  let response = await fetch(path, { method, headers: all, signal, credentials: 'same-origin', body });
  if (response.status === 400 && method !== 'GET' && await refusedForgeryToken(response)) {
    // Signed in again elsewhere (a new session, a new token): refused before anything changed, so sent once more.
    all['X-CSRF-Token'] = csrfToken;
    response = await fetch(path, { method, headers: all, signal, credentials: 'same-origin', body });
  }
  if (response.status === 401) {
    if (method === 'GET') {
      // The session ended while the page was open: sign in again and come back here.
      location.assign('/aanmelden?terug=' + encodeURIComponent(location.pathname + location.search + location.hash));
    }
    // A change is not left for the sign-in page: what the user typed stays on this one.
    throw new ApiError(401, { title: expiredSession });
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return response;
}

async function refusedForgeryToken(response) {
  const problem = await response.clone().json().catch(() => null);
  if (!problem?.title?.startsWith('The antiforgery token')) return false;
  const me = await fetch('/api/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!me.ok) return false;
  csrfToken = (await me.json()).csrfToken;
  return Boolean(csrfToken);
}

// What a refusal says, for a person: its errors by field, else its title and detail, else the fallback.
export const problemText = (error, fallback = '') =>
  Object.values(error.problem?.errors ?? {}).flat().join(' ') ||
  [error.problem?.title, error.problem?.detail].filter(Boolean).join(' ') ||
  fallback;

export async function api(path, { method = 'GET', body, signal } = {}) {
  const json = body === undefined ? {} : { body: JSON.stringify(body), type: 'application/json' };
  const response = await request(path, { method, signal, ...json });
  return response.status === 204 || response.status === 202 ? null : response.json();
}
