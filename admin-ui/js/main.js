// Sign-in and navigation. A key is checked with GET /api/v1/policies/active, which every role may call: a wrong or
// revoked key gets the API's 401 problem, shown as it is. Views are picked by the URL's hash (#policy, #traces,
// #automation) and load their data each time they are opened.

import { json, session } from './api.js';
import { $, el, hash, problem, show } from './dom.js';
import * as policy from './policy.js';
import * as traces from './traces.js';
import * as automation from './automation.js';

const VIEWS = { policy, traces, automation };

for (const view of Object.values(VIEWS)) {
  view.init();
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = $('api-key').value.trim();
  const button = event.submitter;
  button.disabled = true;
  show($('sign-in-result'), el('p', { class: 'busy' }, 'Checking the key…'));
  try {
    const active = await json('/api/v1/policies/active', { key });
    session.signIn(key);
    $('api-key').value = '';
    show($('sign-in-result'));
    signedIn(active.body);
  } catch (error) {
    show($('sign-in-result'), problem(error, 'Sign-in'));
  } finally {
    button.disabled = false;
  }
});

$('sign-out').addEventListener('click', () => {
  session.signOut();
  location.hash = '';
  route();
});

window.addEventListener('hashchange', route);

/** Shows who is signed in (the key is never shown) and opens the view in the URL. */
function signedIn(active) {
  show($('session-info'), 'Signed in · active policy ', hash(active.version));
  route();
}

function route() {
  const signedInNow = Boolean(session.key());
  const name = location.hash.slice(1);
  const current = signedInNow ? (VIEWS[name] ? name : 'home') : 'sign-in';
  $('views').hidden = !signedInNow;
  $('session').hidden = !signedInNow;
  for (const section of document.querySelectorAll('main > .view')) {
    section.hidden = section.id !== `view-${current}`;
  }
  for (const link of document.querySelectorAll('#views a')) {
    link.classList.toggle('current', link.dataset.view === current);
  }
  if (VIEWS[current]) {
    VIEWS[current].open();
  }
}

async function start() {
  if (!session.key()) {
    route();
    return;
  }
  try {
    signedIn((await json('/api/v1/policies/active')).body);
  } catch (error) {
    session.signOut();
    route();
    show($('sign-in-result'), problem(error, 'Sign-in'));
  }
}

start();
