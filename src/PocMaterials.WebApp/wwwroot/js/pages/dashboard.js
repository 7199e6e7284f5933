// /redactie: the reach reports of this school year for editors: views per month, centres (those not
// reached first), roles, searches (a zero-result query becomes an alias in one click, and so does a synonym
// learned from use), the review queue (staff's 'verouderd' votes first), "Was dit nuttig?" and each newsletter
// issue's opens and clicks.
import { api, problemText } from '../api.js';
import { h, show, monthNl, dateNl, materialPage } from '../dom.js';
import { editorOnly } from '../shell.js';
import { proposedAliases } from '../reports/proposed-aliases.js';
import { feedbackReport } from '../reports/feedback.js';
import { section, table, none } from '../reports/table.js';

const number = new Intl.NumberFormat('nl-BE');
const shortMonth = new Intl.DateTimeFormat('nl-BE', { month: 'short' });
const editPage = (slug) => '/redactie/materialen/' + encodeURIComponent(slug);

// Views per month of all materials, every month of the period as a bar (a month without views too); the
// numbers are in the bars' labels and in a table for screen readers.
function viewsChart(report) {
  const views = new Map();
  for (const material of report.materials) {
    for (const m of material.months) views.set(m.month.slice(0, 7), (views.get(m.month.slice(0, 7)) ?? 0) + m.views);
  }
  if (views.size === 0) return none('Nog geen bekeken materialen in deze periode.');
  const rows = [];
  const last = report.to.slice(0, 7);
  for (const month = new Date(report.from.slice(0, 7) + '-15T12:00:00'); ; month.setMonth(month.getMonth() + 1)) {
    const key = `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, '0')}`;
    if (key > last) break;
    rows.push([key, views.get(key) ?? 0]);
  }
  const max = Math.max(...rows.map(([, v]) => v));
  const ns = 'http://www.w3.org/2000/svg';
  const svg = (tag, attributes, ...children) => {
    const element = document.createElementNS(ns, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.append(...children);
    return element;
  };
  const slot = 32;
  const chart = svg('svg', { viewBox: `0 0 ${slot * rows.length} 140`, class: 'chart', 'aria-hidden': 'true' },
    ...rows.flatMap(([month, count], i) => {
      const height = count === 0 ? 0 : Math.max(1, Math.round(90 * count / max));
      const middle = i * slot + slot / 2;
      return [svg('rect', { x: i * slot + 4, y: 112 - height, width: slot - 8, height, class: 'bar' }),
        svg('text', { x: middle, y: 107 - height, 'text-anchor': 'middle' }, number.format(count)),
        svg('text', { x: middle, y: 130, 'text-anchor': 'middle' }, shortMonth.format(new Date(month + '-15T12:00:00')))];
    }));
  return [chart, h('details', null, h('summary', null, 'Als tabel'),
    table('Weergaven per maand', ['Maand', 'Weergaven'],
      rows.map(([month, count]) => h('tr', null, h('td', null, monthNl(month)), h('td', null, number.format(count))))))];
}

// Reach as a bar chart that is a table: each row's views drawn as a bar beside the numbers, those not
// reached first and marked.
function reach(report, caption) {
  const reached = report.groups.filter((g) => g.views > 0).sort((a, b) => b.views - a.views);
  const most = Math.max(1, ...reached.map((g) => g.views));
  const bar = (views) => h('span', { class: 'reach-bar', 'aria-hidden': 'true' },
    h('span', { class: 'fill', 'data-share': String(Math.round(100 * views / most)) }));
  const rows = [
    ...report.notReached.map((g) => h('tr', { class: 'not-reached' },
      h('th', { scope: 'row' }, g.label, ' ', h('span', { class: 'badge' }, 'niet bereikt')),
      h('td', null, '0', bar(0)), h('td', null, '0'))),
    ...reached.map((g) => h('tr', null,
      h('th', { scope: 'row' }, g.label),
      h('td', null, number.format(g.views), bar(g.views)), h('td', null, number.format(g.uniqueViewers))))];
  const chart = table(caption, ['', 'Weergaven', 'Unieke lezers'], rows);
  // The page's policy allows no inline styles: the bars' widths are set through the DOM, which it does allow.
  for (const fill of chart.querySelectorAll('.fill')) fill.style.width = fill.dataset.share + '%';
  return [
    report.notReached.length > 0 && h('p', { class: 'notice warn' },
      h('strong', null, 'Niet bereikt: '), report.notReached.map((g) => g.label).join(', ')),
    chart,
  ];
}

// A query that finds nothing becomes an alias of a term or theme; the answer says what it finds now.
function aliasForm(query, targets, index) {
  const id = `doel-${index}`;
  const outcome = h('span', { role: 'status' });
  const select = h('select', { id }, h('option', { value: '' }, 'Kies een term of thema'),
    targets.map(([group, items]) => h('optgroup', { label: group }, items.map((t) => h('option', { value: t.id }, t.label)))));
  const submit = async (event) => {
    event.preventDefault();
    if (!select.value) { outcome.textContent = 'Kies eerst waar de zoekterm naar moet leiden.'; return; }
    outcome.textContent = 'Bezig…';
    try {
      const answer = await api('/api/reports/searches/aliases', { method: 'POST', body: { query, target: select.value } });
      outcome.textContent = `Alias gemaakt: ‘${query}’ vindt nu ${answer.materials} materia${answer.materials === 1 ? 'al' : 'len'}.`;
    } catch (error) {
      outcome.textContent = 'Niet gelukt: ' + problemText(error, 'probeer het opnieuw.');
    }
  };
  return h('form', { class: 'alias', onsubmit: submit },
    h('label', { for: id, class: 'visually-hidden-heading' }, `Alias voor ‘${query}’ naar`), select,
    h('button', { type: 'submit', class: 'secondary' }, 'Maak alias'), ' ', outcome);
}

function searches(report, targets, proposals) {
  return [
    proposedAliases(proposals),
    h('h3', null, 'Meest gezocht'),
    report.topQueries.length === 0 ? none('Nog geen zoekopdrachten.') : table('Meest gezocht', ['Zoekterm', 'Keer', 'Gemiddeld resultaten'],
      report.topQueries.map((q) => h('tr', null,
        h('td', null, h('a', { href: '/zoeken?q=' + encodeURIComponent(q.query) }, q.query)),
        h('td', null, number.format(q.searches)),
        h('td', null, q.averageResults.toFixed(1).replace('.', ','))))),
    h('h3', null, 'Zonder resultaat'),
    report.zeroResultQueries.length === 0 ? none('Elke zoekopdracht vond iets.') : h('ul', { class: 'list zero' },
      report.zeroResultQueries.map((q, i) => h('li', null,
        h('strong', null, q.query), h('span', { class: 'muted' }, ` · ${number.format(q.searches)} keer`),
        aliasForm(q.query, targets, i)))),
  ];
}

// Why a material is in the review queue: staff called it outdated (the API puts those first), its date passed.
const reviewWhy = (m) => [m.outdatedVotes > 0 && `${number.format(m.outdatedVotes)}× ‘verouderd’ gestemd`,
  m.dueForReview && `herzien tegen ${m.reviewBy ? dateNl(m.reviewBy) : 'een voorbije datum'}`].filter(Boolean).join('; ');

function reviewQueue(report) {
  return [
    report.reviewQueue.length === 0 ? none('Geen materialen te herzien.') : table('Te herzien',
      ['Materiaal', 'Weergaven', 'Waarom', ''],
      report.reviewQueue.map((m) => h('tr', null, h('td', null, h('a', { href: materialPage(m.slug) }, m.title)),
        h('td', null, number.format(m.views)), h('td', null, reviewWhy(m)),
        h('td', null, h('a', { href: editPage(m.slug) }, 'Bewerken'))))),
    report.neverViewed.length > 0 && h('details', null, h('summary', null, `Nooit bekeken (${report.neverViewed.length})`),
      h('ul', null, report.neverViewed.map((m) => h('li', null, h('a', { href: editPage(m.slug) }, m.title))))),
  ];
}

async function newsletters() {
  const issues = (await api('/api/newsletter/issues')).filter((i) => i.sentAt);
  if (issues.length === 0) return none('Nog geen nieuwsbrief verstuurd.');
  const reports = await Promise.all(issues.map((i) => api(`/api/newsletter/issues/${i.id}/report`)));
  return table('Nieuwsbrieven', ['Nummer', 'Verstuurd', 'Geopend', 'Kliks', 'Unieke klikkers'], issues.map((issue, i) => h('tr', null,
    h('td', null, `${monthNl(issue.month)} · ${issue.feature}`), h('td', null, number.format(reports[i].sent)),
    h('td', null, number.format(reports[i].uniqueOpens)), h('td', null, number.format(reports[i].clicks)),
    h('td', null, number.format(reports[i].uniqueClickers)))));
}

// The period of the reports: ?van=&tot= (dates, both included), by default the API's, the current school year.
function periodForm(from, to) {
  const date = (id, value) => h('input', { id, name: id, type: 'date', value, required: true });
  const start = date('van', from);
  const end = date('tot', to);
  // The browser refuses an end before the start, in Dutch, before anything is asked of the API.
  const bound = () => { end.min = start.value; };
  start.addEventListener('change', bound);
  bound();
  const labelled = (input, label) => h('div', { class: 'field' }, h('label', { for: input.id }, label), input);
  return h('form', { class: 'period', method: 'get', 'aria-label': 'Periode' },
    labelled(start, 'Van'), labelled(end, 'Tot en met'), h('button', { type: 'submit', class: 'secondary' }, 'Toon'));
}

const query = new URLSearchParams(location.search);

async function start() {
  await editorOnly();
  const period = query.get('van') && query.get('tot')
    ? `?from=${encodeURIComponent(query.get('van'))}&to=${encodeURIComponent(query.get('tot'))}` : '';
  const [views, centres, roles, searchReport, proposals, health, taxonomy, themes, issues, feedback] = await Promise.all([
    api('/api/reports/views' + period), api('/api/reports/reach/centres' + period),
    api('/api/reports/reach/roles' + period), api('/api/reports/searches' + period),
    api('/api/reports/searches/proposed-aliases' + period),
    api('/api/reports/content-health' + period), api('/api/taxonomy'), api('/api/themes'), newsletters(),
    api('/api/reports/feedback' + period)]);
  const targets = [["Thema's", themes.map((t) => ({ id: t.id, label: t.title }))],
    ['Kernprocessen', taxonomy.coreProcesses], ['Domeinen', taxonomy.domains]];
  show(h('h1', null, 'Redactie'),
    periodForm(views.from, views.to),
    h('p', null, `Bereik van ${dateNl(views.from)} tot en met ${dateNl(views.to)}. `,
      h('a', { class: 'button', href: '/redactie/nieuw-materiaal' }, 'Nieuw materiaal')),
    h('nav', { 'aria-label': 'Definities' }, h('ul', { class: 'tags' }, [['/redactie/themas', 'Thema’s'],
      ['/redactie/contacten', 'Aanspreekpunten'], ['/redactie/taxonomie', 'Taxonomie'], ['/redactie/kalender', 'Kalender'],
      ['/redactie/abonnees', 'Abonnees']].map(([href, text]) => h('li', null, h('a', { href }, text))))),
    h('div', { class: 'dashboard' },
      section('views-titel', 'Weergaven per maand', viewsChart(views)),
      section('review-titel', 'Te herzien', reviewQueue(health)),
      section('nuttig-titel', 'Was dit nuttig?', feedbackReport(feedback, period)),
      section('centra-titel', 'Bereik per centrum', reach(centres, 'Bereik per centrum')),
      section('rollen-titel', 'Bereik per rol', reach(roles, 'Bereik per rol')),
      section('zoek-titel', 'Zoekopdrachten', searches(searchReport, targets, proposals)),
      section('brieven-titel', 'Nieuwsbrieven', issues)));
}

// A period the API refuses keeps its form, to be corrected.
start().catch((error) => show(h('h1', null, 'Redactie'),
  error.status === 400 && periodForm(query.get('van') ?? '', query.get('tot') ?? ''),
  h('p', { class: 'notice error', role: 'alert' }, error.status === 400
    ? 'Deze periode kan niet: ' + problemText(error)
    : 'De rapporten konden niet geladen worden. Probeer het opnieuw.')));
