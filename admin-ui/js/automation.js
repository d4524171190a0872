// Automation view (operators): the kill switch. Every key may read the state; pausing and resuming needs OPERATOR.

import { json } from './api.js';
import { $, el, show, table, text, working } from './dom.js';

const AUTOMATION = '/api/v1/automation';

export function init() {
  $('automation-form').addEventListener('submit', (event) => event.preventDefault());
  $('automation-pause').addEventListener('click', (event) => apply(true, event.currentTarget));
  $('automation-resume').addEventListener('click', (event) => apply(false, event.currentTarget));
}

export async function open() {
  await working($('automation-state'), null, async () => pauses((await json(AUTOMATION)).body));
}

async function apply(paused, button) {
  const channel = $('automation-channel').value;
  const reason = $('automation-reason').value.trim();
  const command = { paused, ...(channel ? { channel } : {}), ...(reason ? { reason } : {}) };
  await working($('automation-result'), button, async () => {
    const now = (await json(AUTOMATION, { method: 'PUT', body: command })).body;
    show($('automation-state'), pauses(now));
    return el('p', { class: 'verdict ok' }, `${paused ? 'Paused' : 'Resumed'} ${channel || 'all channels (global pause)'}.`);
  }, paused ? 'Pausing' : 'Resuming');
}

/** The pauses in force: the global one first, then each channel's. */
function pauses(state) {
  const rows = [];
  if (state.global) {
    rows.push(['all channels (global)', state.global]);
  }
  for (const [channel, pause] of Object.entries(state.channels ?? {})) {
    rows.push([channel, pause]);
  }
  return rows.length
    ? table(['Scope', 'Paused at', 'Paused by', 'Reason'], rows.map(([scope, pause]) =>
      [el('strong', { data: { scope } }, scope), text(pause.pausedAt), text(pause.pausedBy), text(pause.reason)]), { id: 'pauses' })
    : el('p', { data: { field: 'no-pause' } }, 'Automation is not paused anywhere.');
}
