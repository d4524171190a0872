// Policy view: the active version, the history with per-file diffs, and the policy owner's actions on the files on
// disk (validate, run scenarios, activate) and on stored versions (roll back). Reviewers may read the first two;
// for the others the API answers 403, which is shown where the result would be.

import { call, json, segment } from './api.js';
import { $, el, fields, hash, problem, show, table, text, working } from './dom.js';

const POLICIES = '/api/v1/policies';

export function init() {
  $('diff-form').addEventListener('submit', (event) => {
    event.preventDefault();
    diff(event.submitter);
  });
  $('validate').addEventListener('click', (event) => validate(event.currentTarget));
  $('test-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runScenarios(event.submitter);
  });
  $('activate-form').addEventListener('submit', (event) => {
    event.preventDefault();
    activate(event.submitter);
  });
  $('rollback-form').addEventListener('submit', (event) => {
    event.preventDefault();
    rollback(event.submitter);
  });
}

export function open() {
  loadActive();
  loadHistory();
}

async function loadActive() {
  await working($('policy-active'), null, async () => {
    const active = (await json(`${POLICIES}/active`)).body;
    return fields([
      ['Version', el('code', { class: 'hash' }, active.version), 'version'],
      ['Label', active.label, 'label'],
      ['Activated at', active.activatedAt, 'activatedAt'],
      ['Activated by', active.activatedBy, 'activatedBy'],
      ['How', active.action, 'action'],
      ['Warnings', active.warnings, 'warnings'],
    ]);
  });
}

async function loadHistory() {
  await working($('policy-history'), null, async () => {
    const versions = (await json(`${POLICIES}/versions`, { query: { limit: 50 } })).body;
    const history = table(
      ['Version', 'Label', 'Author', 'Stored at', 'Comment', 'Scenarios', 'Warnings', 'Active'],
      versions.map((v) => [
        hash(v.version), text(v.label), text(v.author), text(v.createdAt), text(v.comment),
        v.scenariosPassed === null ? '—' : `${v.scenariosPassed} passed, ${v.scenariosFailed} failed`,
        text(v.warnings),
        v.active ? el('strong', {}, 'active') : (v.lastActivatedAt ? `last active ${v.lastActivatedAt}` : 'never'),
      ]), { id: 'history-table' });
    const options = () => versions.map((v) => el('option', { value: v.version },
      `${v.version.slice(0, 12)} · ${v.label ?? 'no label'} · ${v.createdAt}${v.active ? ' (active)' : ''}`));
    show($('diff-from'), options());
    show($('diff-to'), options());
    show($('rollback-version'), options());
    // default diff: the previous version against the newest one
    $('diff-from').selectedIndex = versions.length > 1 ? 1 : 0;
    return history;
  });
}

async function diff(button) {
  const from = $('diff-from').value;
  const to = $('diff-to').value;
  await working($('policy-diff'), button, async () => {
    const result = (await json(`${POLICIES}/versions/${segment(from)}/diff/${segment(to)}`)).body;
    return [
      el('p', {}, 'From ', hash(result.from), ' to ', hash(result.to), ': ',
        result.files.length ? `${result.files.length} file(s) changed` : 'no file differs'),
      result.files.map((file) => el('details', { open: true, class: 'file-diff' },
        el('summary', {}, el('code', {}, file.path), ` ${file.change}`),
        el('pre', { class: 'diff' }, (file.diff ?? '').split('\n').map((line) =>
          el('span', { class: lineClass(line) }, `${line}\n`)))))];
  }, 'Diff');
}

function lineClass(line) {
  if (line.startsWith('+++') || line.startsWith('---')) {
    return 'file';
  }
  return { '+': 'added', '-': 'removed', '@': 'hunk' }[line[0]] ?? '';
}

async function validate(button) {
  await working($('validate-result'), button, async () => {
    const report = (await json(`${POLICIES}/validate`, { method: 'POST' })).body;
    return validation(report);
  }, 'Validation');
}

async function runScenarios(button) {
  const caseName = $('test-case-name').value.trim();
  await working($('test-result'), button, async () => {
    const gate = (await json(`${POLICIES}/test`, { method: 'POST', body: caseName ? { caseName } : {} })).body;
    return gateReport(gate);
  }, 'Scenarios');
}

async function activate(button) {
  if (!window.confirm('Activate the policy files on disk? They go live at once if they pass the gate.')) {
    return;
  }
  const body = optional({ label: $('activate-label').value, comment: $('activate-comment').value });
  await working($('activate-result'), button, () => change(`${POLICIES}/activate`, body), 'Activation');
}

async function rollback(button) {
  const version = $('rollback-version').value;
  if (!window.confirm(`Roll back to version ${version.slice(0, 12)}? It goes live at once if it passes its gate again.`)) {
    return;
  }
  const body = { version, ...optional({ comment: $('rollback-comment').value }) };
  await working($('rollback-result'), button, () => change(`${POLICIES}/rollback`, body), 'Roll-back');
}

/** Activation or roll-back: 200 with the result, or 422 with the gate report of the refused version. */
async function change(path, body) {
  try {
    const result = await (await call(path, { method: 'POST', body })).json();
    open();
    return [
      el('p', { class: 'verdict ok', data: { field: 'verdict' } }, result.changed
        ? ['Activated version ', hash(result.version), ` at ${result.activatedAt} by ${result.activatedBy}.`]
        : ['Version ', hash(result.version), ' is already active: nothing changed.']),
      gateReport(result.gate)];
  } catch (error) {
    if (error.status !== 422 || !error.problem.gate) {
      throw error;
    }
    return [problem(error), el('p', {}, 'Refused version ', hash(error.problem.version)), gateReport(error.problem.gate)];
  }
}

/** The validation report: the verdict, then errors and warnings with file, line and column. */
function validation(report) {
  const problems = (list) => table(['Severity', 'File', 'Line', 'Column', 'Element', 'Message'],
    list.map((p) => [p.severity, el('code', {}, p.file), p.line || '—', p.column || '—', text(p.element), p.message]));
  return el('div', { class: 'report' },
    el('p', { class: `verdict ${report.valid ? 'ok' : 'bad'}`, data: { field: 'verdict' } }, report.valid ? 'Valid' : 'Not valid'),
    el('p', { data: { field: 'counts' } }, 'Version ', hash(report.version), `: ${report.errors.length} error(s), ${report.warnings.length} warning(s)`),
    report.errors.length ? [el('h4', {}, 'Errors'), problems(report.errors)] : null,
    report.warnings.length ? [el('h4', {}, 'Warnings'), problems(report.warnings)] : null);
}

/** What the gate found: validation (in full only when it failed), then the scenario results with coverage. */
function gateReport(gate) {
  if (!gate) {
    return null;
  }
  const v = gate.validation;
  return el('div', { class: 'gate' },
    v.valid
      ? el('p', {}, `Validation: valid, ${v.warnings.length} warning(s).`)
      : validation(v),
    gate.problem ? el('p', { class: 'verdict bad' }, `The scenarios could not run: ${gate.problem}`) : null,
    gate.scenarios ? scenarios(gate.scenarios) : null);
}

function scenarios(report) {
  const failed = report.cases.filter((c) => !c.passed);
  const coverage = report.coverage;
  const cases = (list) => table(['File', 'Case', 'Result', 'Failures'], list.map((c) => [
    el('code', {}, c.file), c.name,
    el('span', { class: c.passed ? 'ok' : 'bad', data: { field: 'result' } }, c.passed ? 'passed' : 'failed'),
    c.failures.length ? el('ul', {}, c.failures.map((f) => el('li', {}, f))) : '',
  ]), { class: 'cases' });
  return el('div', { class: 'report' },
    el('p', { class: `verdict ${report.failed === 0 && report.total > 0 ? 'ok' : 'bad'}`, data: { field: 'summary' } },
      `${report.passed} of ${report.total} passed, ${report.failed} failed`),
    el('p', { data: { field: 'coverage' } },
      `Table rows covered: ${coverage.rows ? `${coverage.rowsCovered} of ${coverage.rows}` : 'none'} · `
      + `Rules covered: ${coverage.rules ? `${coverage.rulesCovered} of ${coverage.rules}` : 'none'}`),
    uncovered('Rows no scenario matched', coverage.uncoveredRows),
    uncovered('Rules no scenario fired', coverage.uncoveredRules),
    failed.length ? [el('h4', {}, 'Failed cases'), cases(failed)] : null,
    el('details', { open: failed.length > 0, class: 'all-cases' },
      el('summary', {}, `All ${report.cases.length} cases`), cases(report.cases)));
}

function uncovered(title, list) {
  return list && list.length ? [el('h4', {}, title), el('ul', {}, list.map((item) => el('li', {}, el('code', {}, item))))] : null;
}

/** The non-blank values of an object, trimmed: the API stores what it is sent, and a blank label is no label. */
function optional(values) {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
}
