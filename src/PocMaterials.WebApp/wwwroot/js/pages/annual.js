// /redactie/jaarverslag?schooljaar=2025-2026: the school-year report for POC+'s annual report, each figure beside the
// previous school year's with the change; every table also as CSV; prints as a clean report (app.css, @media print).
import { api } from '../api.js';
import { h, show } from '../dom.js';
import { editorOnly } from '../shell.js';
import { section, table, none } from '../reports/table.js';

const number = new Intl.NumberFormat('nl-BE');
const change = new Intl.NumberFormat('nl-BE', { signDisplay: 'exceptZero' });
const shown = 6;

// The school year that holds today: from 1 September.
function currentYear() {
  const today = new Date();
  const first = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  return `${first}-${first + 1}`;
}

function yearChoice(chosen) {
  const last = Math.max(Number(currentYear().slice(0, 4)), Number(chosen.slice(0, 4)));
  const years = Array.from({ length: shown }, (_, i) => `${last - i}-${last - i + 1}`);
  const select = h('select', { id: 'schooljaar', name: 'schooljaar' },
    years.map((y) => h('option', { value: y, selected: y === chosen }, y)));
  return h('form', { class: 'card no-print', method: 'get', action: '/redactie/jaarverslag' },
    h('label', { for: 'schooljaar' }, 'Schooljaar'), ' ', select, ' ',
    h('button', { type: 'submit' }, 'Toon'), ' ',
    h('button', { type: 'button', onclick: () => window.print() }, 'Afdrukken'));
}

function reportTable(report, t) {
  const id = 'tabel-' + t.name;
  if (t.rows.length === 0) return section(id, t.title, none('Geen gegevens in deze twee schooljaren.'));
  const heads = ['', ...t.measures.flatMap((m) => [`${m} ${report.schoolYear}`, `${m} ${report.previousSchoolYear}`, 'verschil'])];
  const rows = t.rows.map((r) => h('tr', null, h('th', { scope: 'row' }, r.label),
    r.figures.flatMap((f) => [h('td', { class: 'number' }, number.format(f.current)),
      h('td', { class: 'number' }, number.format(f.previous)), h('td', { class: 'number' }, change.format(f.change))])));
  const csv = `/api/reports/annual?schoolYear=${encodeURIComponent(report.schoolYear)}&format=csv&table=${encodeURIComponent(t.name)}`;
  return section(id, t.title, table(t.title, heads, rows),
    h('p', { class: 'no-print' }, h('a', { href: csv, download: '' }, `${t.title} als CSV`)));
}

const notReached = (title, labels) => h('p', null, h('strong', null, title + ': '),
  labels.length === 0 ? 'iedereen bereikt.' : labels.join(', ') + '.');

async function render() {
  await editorOnly();
  const chosen = new URLSearchParams(location.search).get('schooljaar') || currentYear();
  let report;
  try {
    report = await api('/api/reports/annual?schoolYear=' + encodeURIComponent(chosen));
  } catch {
    show(h('h1', null, 'Jaarverslag'), yearChoice(currentYear()), h('p', { class: 'notice error', role: 'alert' },
      `Het jaarverslag van '${chosen}' kan niet getoond worden. Kies een schooljaar in de lijst, geschreven als 2025-2026.`));
    return;
  }
  const period = `1 september ${report.from.slice(0, 4)} tot en met 31 augustus ${report.to.slice(0, 4)}`;
  show(h('h1', null, `Jaarverslag ${report.schoolYear}`),
    h('p', { class: 'muted' }, `${period}, naast schooljaar ${report.previousSchoolYear}. Medewerkers worden geteld, `
      + 'nooit bij naam genoemd.'),
    yearChoice(report.schoolYear),
    section('niet-bereikt', 'Niet bereikt dit schooljaar',
      notReached('Centra', report.centresNotReached), notReached('Rollen', report.rolesNotReached)),
    ...report.tables.map((t) => reportTable(report, t)));
}

render();
