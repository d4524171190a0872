// Traces view (compliance reviewers): search stored decisions page by page, open one (its reasons, the customer's
// text as stored, the explanation, the full trace, a replay), verify the chain, export the search as CSV.
// Customer text is untrusted: like everything else it only becomes text nodes (see dom.js).

import { call, json, segment } from './api.js';
import { $, el, fields, hash, table, text, working } from './dom.js';

const TRACES = '/api/v1/traces';
const DECISIONS = '/api/v1/decisions';

/** The search being paged: its filters and the cursor of each page shown so far. */
let search = { filters: {}, cursors: [null] };
let searched = false;

export function init() {
  $('trace-search').addEventListener('submit', (event) => {
    event.preventDefault();
    search = { filters: filters(), cursors: [null] };
    page(0, event.submitter);
  });
  $('trace-verify').addEventListener('click', (event) => verify(event.currentTarget));
  $('trace-export').addEventListener('click', (event) => exportCsv(event.currentTarget));
}

/** Shows the newest decisions the first time the view opens. */
export function open() {
  if (!searched) {
    searched = true;
    search = { filters: filters(), cursors: [null] };
    page(0);
  }
}

/** The search form's values; the API leaves out the empty ones (see api.js). */
function filters() {
  return Object.fromEntries(new FormData($('trace-search')).entries());
}

async function page(index, button) {
  await working($('trace-results'), button, async () => {
    const cursor = search.cursors[index];
    const { body, headers } = await json(TRACES, { query: { ...search.filters, cursor } });
    const next = headers.get('Next-Cursor') ?? body.nextCursor;
    search.cursors[index + 1] = next;
    return [
      el('p', { data: { field: 'count' } }, body.items.length
        ? `Page ${index + 1}: ${body.items.length} decision(s), newest first`
        : 'No decision matches.'),
      body.items.length ? table(
        ['Decided at', 'Decision', 'Customer', 'Channel', 'Line of business', 'Outcome', 'Reasons', 'Client', 'Policy'],
        body.items.map((item) => [
          text(item.decidedAt),
          el('button', { type: 'button', class: 'link', data: { decision: item.decisionId }, onclick: () => openDecision(item.decisionId) },
            item.decisionId),
          text(item.customerId), text(item.channel), text(item.lineOfBusiness), text(item.outcome),
          item.reasonCodes.join(', '), text(item.clientName), hash(item.policyVersion),
        ]), { id: 'trace-table' }) : null,
      el('div', { class: 'row' },
        index > 0 ? el('button', { type: 'button', onclick: (e) => page(index - 1, e.currentTarget) }, 'Previous page') : null,
        next ? el('button', { type: 'button', id: 'trace-next', onclick: (e) => page(index + 1, e.currentTarget) }, 'Next page') : null)];
  }, 'Search');
}

async function verify(button) {
  await working($('trace-verify-result'), button, async () => {
    const report = (await json(`${TRACES}/verify`)).body;
    const broken = report.firstBroken;
    return el('div', { class: 'report' },
      el('p', { class: `verdict ${report.status === 'OK' ? 'ok' : 'bad'}`, data: { field: 'chain-status' } },
        report.status === 'OK' ? 'Chain OK' : 'Chain BROKEN'),
      fields([
        ['Records checked', report.checked, 'checked'],
        ['Head (note it outside the service)', report.head ? [`#${report.head.chainSeq} `, el('code', { class: 'hash' }, report.head.contentHash)] : null, 'head'],
        ['Purge anchor', report.anchor ? `through #${report.anchor.purgedThroughSeq}, ${report.anchor.purgedCount} purged ${report.anchor.purgedAt} by ${report.anchor.purgedBy}` : null],
        ['Unchained rows (older than the chain)', report.unchained],
        ['First broken record', broken ? `${broken.problem} at #${text(broken.chainSeq)} (decision ${text(broken.decisionId)}): ${broken.detail}` : null, 'first-broken'],
      ]));
  }, 'Verification');
}

/** The export needs the key header, which a link cannot send: fetch it, then hand the browser the file. */
async function exportCsv(button) {
  const query = { ...filters(), format: 'csv' };
  delete query.size;
  await working($('trace-export-result'), button, async () => {
    const blob = await (await call(`${TRACES}/export`, { query, accept: 'text/csv' })).blob();
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: 'decision-traces.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return el('p', { data: { field: 'export' } }, `Exported ${blob.size} bytes as decision-traces.csv.`);
  }, 'Export');
}

async function openDecision(id) {
  const container = $('decision');
  await working(container, null, async () => {
    const [trace, explanation] = await Promise.all([
      json(`${DECISIONS}/${segment(id)}/trace`).then((r) => r.body),
      json(`${DECISIONS}/${segment(id)}/explanation`).then((r) => r.body),
    ]);
    const response = trace.response ?? {};
    const interaction = trace.request?.interaction ?? {};
    return el('article', { class: 'decision', data: { decision: id } },
      el('h3', {}, 'Decision ', el('code', {}, id)),
      fields([
        ['Outcome', response.outcome, 'outcome'],
        ['Route', response.route ? `${text(response.route.queue)} / ${text(response.route.skill)}, priority ${text(response.route.priority)}, model tier ${text(response.route.modelTier)}` : null],
        ['Customer', trace.request?.customer?.id, 'customer'],
        ['Decided at', trace.decidedAt],
        ['Interaction at', trace.at],
        ['Policy version', el('code', { class: 'hash' }, trace.policyVersion)],
      ]),
      el('h4', {}, 'Reasons'),
      el('ol', { class: 'reasons' }, (response.reasons ?? []).map(reason)),
      actions(response.actions ?? []),
      el('h4', {}, 'Customer messages (as stored, personal data masked)'),
      el('ol', { class: 'messages' }, [...(interaction.history ?? []), interaction.message]
        .filter((m) => m !== undefined && m !== null).map((m) => el('li', { class: 'customer-text' }, m))),
      el('h4', {}, 'Explanation'),
      explain(explanation),
      el('h4', {}, 'Replay'),
      el('form', { class: 'row', onsubmit: (event) => { event.preventDefault(); replay(id, event.submitter); } },
        el('label', {}, 'Against version ', el('input', { id: 'replay-version', size: 24, placeholder: 'the recorded one' })),
        el('button', { type: 'submit' }, 'Replay')),
      el('div', { id: 'replay-result', 'aria-live': 'polite' }),
      el('details', { class: 'trace' },
        el('summary', {}, 'Full trace (JSON)'),
        el('pre', { id: 'trace-json' }, JSON.stringify(trace, null, 2))));
  }, 'Opening the decision');
  container.scrollIntoView({ block: 'start' });
}

function reason(r) {
  return el('li', { data: { code: r.code } },
    el('strong', { class: 'code' }, r.code), r.outcome ? ` → ${r.outcome}` : '',
    el('div', { class: 'message' }, r.message),
    el('div', { class: 'source' }, 'Source: ', el('code', {}, r.source)));
}

function actions(list) {
  if (!list.length) {
    return null;
  }
  return [el('h4', {}, 'Proposed actions'), table(['Action', 'Status', 'Why'], list.map((a) => [
    el('code', {}, a.id), a.status,
    el('ul', {}, (a.explanations ?? []).map((r) => el('li', {}, el('strong', {}, r.code), ': ', r.message, ' ', el('code', {}, r.source)))),
  ]))];
}

function explain(explanation) {
  const s = explanation.sections;
  const list = (title, items) => (items && items.length ? [el('p', {}, title), el('ul', {}, items.map((i) => el('li', {}, i)))] : null);
  return el('div', { class: 'explanation', id: 'explanation' },
    explanation.templates?.notice ? el('p', { class: 'hint' }, explanation.templates.notice) : null,
    el('p', { data: { field: 'decided' } }, s.decided),
    list('Reasons:', s.reasons),
    list('Why not automated:', s.whyNotAutomated),
    list('Proposed actions:', s.actions),
    el('p', {}, s.closing));
}

async function replay(id, button) {
  const version = $('replay-version').value;
  await working($('replay-result'), button, async () => {
    const report = (await json(`${DECISIONS}/${segment(id)}/replay`, { method: 'POST', query: { version } })).body;
    return el('div', { class: 'report' },
      el('p', { class: `verdict ${report.result === 'IDENTICAL' ? 'ok' : 'bad'}`, data: { field: 'replay-result' } },
        report.result === 'IDENTICAL' ? 'Identical: the replay gave the recorded answer' : 'Changed: the replay differs'),
      el('p', {}, 'Against version ', hash(report.comparedWith.policyVersion),
        report.comparedWith.recorded ? ' (the recorded one)' : ['; recorded ', hash(report.recordedPolicyVersion)],
        `; interaction at ${text(report.inputs.at)}, automation pause scope ${text(report.inputs.automationPauseScope)}`),
      report.differences.length ? table(['Field', 'Recorded', 'Replayed'], report.differences.map((d) =>
        [el('code', {}, d.field), JSON.stringify(d.recorded), JSON.stringify(d.replayed)])) : null,
      report.pinnedScores.length ? [el('p', {}, 'Scores pinned to their recorded values:'),
        table(['Score', 'Source', 'Label', 'Value', 'Model version'], report.pinnedScores.map((p) =>
          [p.name, p.source, text(p.label), text(p.value), p.modelVersion ? hash(p.modelVersion) : '—']))] : null,
      report.modelVersions.length ? table(['Model', 'Recorded version', 'Loaded version', 'Same'], report.modelVersions.map((m) =>
        [m.name, hash(m.recordedVersion), hash(m.loadedVersion), m.sameAsLoaded ? 'yes' : 'no'])) : null);
  }, 'Replay');
}

