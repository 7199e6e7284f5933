// /redactie/jaarverslag?schooljaar=2025-2026: the school-year report for POC+'s annual report, each figure beside the
// previous school year's with the change, with charts; every table also as CSV, the whole as PDF. The report's layout is
// the API's (GET /api/reports/annual.html, which the PDF prints too), so this page only adds the choice of a year, printing
// (app.css, @media print: an A4 report) and the PDF.
import { request } from '../api.js';
import { h, show, safeHtml, titled } from '../dom.js';
import { editorOnly } from '../shell.js';

const shown = 6;

// The school year that holds today: from 1 September.
function currentYear() {
  const today = new Date();
  const first = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  return `${first}-${first + 1}`;
}

// The PDF is fetched rather than linked: a server without a browser to print with answers a problem, said here in Dutch.
async function downloadPdf(year, status) {
  status.textContent = 'De PDF wordt gemaakt…';
  try {
    const response = await request('/api/reports/annual.pdf?schoolYear=' + encodeURIComponent(year),
      { headers: { Accept: 'application/pdf' } });
    const link = h('a', { href: URL.createObjectURL(await response.blob()), download: `jaarverslag-${year}.pdf` });
    link.click();
    // Kept a while: the browser reads the file after the click.
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    status.textContent = 'De PDF is gedownload.';
  } catch {
    status.textContent = 'De PDF kan op deze server niet gemaakt worden. Kies ‘Afdrukken’ en dan ‘Opslaan als PDF’.';
  }
}

function yearChoice(chosen) {
  const last = Math.max(Number(currentYear().slice(0, 4)), Number(chosen.slice(0, 4)));
  const years = Array.from({ length: shown }, (_, i) => `${last - i}-${last - i + 1}`);
  const select = h('select', { id: 'schooljaar', name: 'schooljaar' },
    years.map((y) => h('option', { value: y, selected: y === chosen }, y)));
  const status = h('span', { role: 'status', class: 'muted' });
  return h('form', { class: 'card no-print', method: 'get', action: '/redactie/jaarverslag' },
    h('label', { for: 'schooljaar' }, 'Schooljaar'), ' ', select, ' ',
    h('button', { type: 'submit' }, 'Toon'), ' ',
    h('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, 'Afdrukken'), ' ',
    h('button', { type: 'button', class: 'secondary', onclick: () => downloadPdf(chosen, status) }, 'Download als PDF'), ' ',
    status);
}

async function render() {
  await editorOnly();
  const chosen = new URLSearchParams(location.search).get('schooljaar') || currentYear();
  let report;
  try {
    const response = await request('/api/reports/annual.html?schoolYear=' + encodeURIComponent(chosen),
      { headers: { Accept: 'text/html' } });
    report = safeHtml(await response.text());
  } catch {
    titled('Jaarverslag');
    show(h('h1', null, 'Jaarverslag'), yearChoice(currentYear()), h('p', { class: 'notice error', role: 'alert' },
      `Het jaarverslag van '${chosen}' kan niet getoond worden. Kies een schooljaar in de lijst, geschreven als 2025-2026.`));
    return;
  }
  titled('Jaarverslag ' + chosen);
  report.querySelector('.report-intro').after(yearChoice(chosen));
  show(report);
}

render();
