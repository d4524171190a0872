// The one way the UI talks to the service: fetch with the signed-in key as X-API-Key. A non-2xx answer becomes an
// ApiError carrying the API's problem+json (title, detail, errors[]).

const KEY = 'arbiter.apiKey';
/** The service's root: this file is served at <root>/admin/js/api.js. */
const ROOT = new URL('../../', import.meta.url);

/** The API key of this browser tab: kept in sessionStorage only, gone when the tab closes. */
export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** A refused or failed call: status 0 when the service could not be reached. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Calls the API and returns the Response when it is 2xx, else throws an ApiError.
 * @param {string} path   e.g. '/api/v1/traces'
 * @param {object} options method, body (sent as JSON), query (empty values are left out: the API refuses them),
 *                        accept, key (defaults to the signed-in key)
 */
export async function call(path, { method = 'GET', body, query = {}, accept = 'application/json', key = session.key() } = {}) {
  const url = new URL(path.replace(/^\//, ''), ROOT);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') {
      url.searchParams.set(name, String(value).trim());
    }
  }
  const headers = { Accept: accept };
  if (key) {
    headers['X-API-Key'] = key;
  }
  const init = { method, headers, cache: 'no-store', credentials: 'omit' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, { title: 'Service unreachable', detail: `The service did not answer (${e.message}).` });
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response;
}

/** Calls the API and returns { body, headers } with the JSON body parsed. */
export async function json(path, options) {
  const response = await call(path, options);
  return { body: await response.json(), headers: response.headers };
}

/** Encodes one path segment (a decision id, a version). */
export const segment = (value) => encodeURIComponent(value);

async function problemOf(response) {
  const text = await response.text();
  try {
    const problem = JSON.parse(text);
    if (problem && typeof problem === 'object') {
      return problem;
    }
  } catch {
    // not JSON: fall through
  }
  return { title: `HTTP ${response.status}`, detail: text.slice(0, 300) || response.statusText };
}
