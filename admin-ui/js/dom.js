// DOM helpers. Everything the API returns is data, and customer text in it is untrusted: it only ever becomes text
// nodes (node.append(string), textContent) and is never parsed as HTML, here or in any other module.

/**
 * Creates an element. props: 'class', 'on<event>' listeners, 'data' (dataset) or attributes; children: nodes or
 * values, which are appended as text.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'data') {
      Object.assign(node.dataset, value);
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  node.append(...texts(children));
  return node;
}

/** Replaces the content of container with the children (nodes or text). */
export function show(container, ...children) {
  container.replaceChildren(...texts(children));
}

function texts(children) {
  return children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false)
    .map((child) => (child instanceof Node ? child : String(child)));
}

/** $('id') */
export const $ = (id) => document.getElementById(id);

/** A table with a header row; each row is a list of cells (nodes or text). */
export function table(headers, rows, props = {}) {
  return el('table', props,
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((cell) => el('td', {}, cell))))));
}

/** A definition list of [term, value, field] entries; field names the value for tests and styling. */
export function fields(entries) {
  return el('dl', { class: 'fields' }, entries.map(([term, value, field]) => [
    el('dt', {}, term),
    el('dd', { data: field ? { field } : undefined }, value === null || value === undefined || value === '' ? '—' : value),
  ]));
}

/** The first 12 characters of a hash, the whole hash as its tooltip. */
export function hash(value) {
  return value ? el('code', { title: value, class: 'hash' }, value.slice(0, 12)) : '—';
}

/** Shows the message of a refused call: the API's problem (title, detail, each errors[] field and message). */
export function problem(error, what) {
  const details = error.problem ?? { title: 'Error', detail: error.message };
  const heading = {
    0: 'The service could not be reached',
    401: 'The API key was not accepted',
    403: 'This key may not do this',
  }[error.status ?? -1] ?? `${what ? `${what} failed` : 'Refused'} (${error.status ?? 'error'} ${details.title ?? ''})`;
  const errors = Array.isArray(details.errors) ? details.errors : [];
  return el('div', { class: 'problem', role: 'alert', data: { status: String(error.status ?? '') } },
    el('strong', {}, heading), ' ',
    el('span', { class: 'detail' }, details.detail ?? ''),
    error.status === 403 ? el('p', { class: 'hint' }, 'A view needs the role named in it; ask an administrator for a key with it.') : null,
    errors.length ? el('ul', { class: 'errors' }, errors.map((e) => el('li', {}, el('code', {}, e.field ?? ''), ': ', e.message ?? ''))) : null);
}

/** The newest call of working() per container: only its result may be shown there. */
const newest = new WeakMap();

/**
 * Runs task() for the container: shows "working" there and disables the button meanwhile, then shows what task()
 * returned (nodes or text), or the problem when it threw. When another call for the same container started in the
 * meantime (a second search, another decision opened), this one's result is dropped: the newest call wins.
 */
export async function working(container, button, task, what) {
  const call = (newest.get(container) ?? 0) + 1;
  newest.set(container, call);
  const current = () => newest.get(container) === call;
  if (button) {
    button.disabled = true;
  }
  show(container, el('p', { class: 'busy' }, 'Working…'));
  try {
    const result = await task();
    if (current()) {
      show(container, result);
    }
  } catch (error) {
    if (current()) {
      show(container, problem(error, what));
    }
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}

/** null/undefined as a dash, numbers and text as they are. */
export const text = (value) => (value === null || value === undefined || value === '' ? '—' : String(value));
