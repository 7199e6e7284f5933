// /redactie/vragen?thema=&maand=&status=&pagina=: the helpdesk questions per theme and month, open ones first, each with its
// status and channel in words and who asked as a role and a centre (never a name or an address); the questions asked more
// than once in similar words shown together; how long answers took; and the form to register a question that came by
// phone, mail or a session.
import { api } from '../api.js';
import { h, show, titled, monthNl } from '../dom.js';
import { editorOnly } from '../shell.js';
import { registrationForm } from '../helpdesk/register.js';
import { answeredAfter, askedNl, askerNl, channelNl, loadVocabulary, scoreOf, shortText, statuses, statusNl, workingHoursNl }
  from '../helpdesk/words.js';

const pageSize = 25;
const query = new URLSearchParams(location.search);
const chosen = { theme: query.get('thema') ?? '', month: query.get('maand') ?? '', status: query.get('status') ?? '' };
const page = Math.max(1, Number(query.get('pagina')) || 1);
const number = new Intl.NumberFormat('nl-BE');

// The last twelve months, newest first, as yyyy-MM.
function recentMonths() {
  const months = [];
  for (let day = new Date(), i = 0; i < 12; i += 1, day.setMonth(day.getMonth() - 1, 1)) {
    months.push(`${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

function filters(words) {
  const select = (id, name, label, empty, options, value) => h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id, name }, h('option', { value: '' }, empty),
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
  const months = [...new Set([...recentMonths(), chosen.month].filter(Boolean))];
  return h('form', { class: 'period', method: 'get', 'aria-label': 'Filters' },
    select('thema', 'thema', 'Thema', "Alle thema's", words.themes.map((t) => [t.id, t.label]), chosen.theme),
    select('maand', 'maand', 'Maand', 'Alle maanden', months.map((m) => [m, monthNl(m)]), chosen.month),
    select('status', 'status', 'Status', 'Elke status', statuses, chosen.status),
    h('button', { type: 'submit', class: 'secondary' }, 'Toon'));
}

function questionItem(question, words) {
  const meta = [statusNl(question.status), channelNl(question.channel), words.label('themes', question.theme),
    askerNl(question, words), `gesteld op ${askedNl(question)}`].filter(Boolean).join(' · ');
  const after = answeredAfter(question);
  return h('li', { class: `card question status-${question.status}`, 'data-question': String(question.id) },
    h('h3', null, h('a', { href: '/redactie/vragen/' + question.id }, shortText(question.text))),
    h('p', { class: 'muted' }, meta),
    (after || scoreOf(question)) && h('p', null, [after && `Beantwoord ${after}.`,
      scoreOf(question) && `Tevredenheid: ${scoreOf(question)} van 5.`].filter(Boolean).join(' ')));
}

// The page's questions in the API's order, those of one group of similar questions together where the first of them is;
// the group's others (on another page, or of another status than the filter's) as links under them.
function questionList(list, words) {
  if (list.items.length === 0) return h('p', { class: 'muted' }, 'Geen vragen met deze filters.');
  const groupOf = (id) => list.similar.find((g) => g.questions.some((q) => q.id === id));
  const shown = new Set();
  const children = [];
  for (const question of list.items) {
    if (shown.has(question.id)) continue;
    const group = groupOf(question.id);
    if (!group) {
      children.push(questionItem(question, words));
      continue;
    }
    const here = list.items.filter((q) => group.questions.some((g) => g.id === q.id));
    const elsewhere = group.questions.filter((g) => !here.some((q) => q.id === g.id));
    here.forEach((q) => shown.add(q.id));
    children.push(h('li', { class: 'similar' },
      h('p', { class: 'similar-head' }, h('strong', null, `Meer dan eens gevraagd: ${group.questions.length} keer`)),
      h('ul', { class: 'list' }, here.map((q) => questionItem(q, words))),
      elsewhere.length > 0 && h('ul', { class: 'similar-others' }, elsewhere.map((q) => h('li', null,
        h('a', { href: '/redactie/vragen/' + q.id }, shortText(q.text, 120)),
        h('span', { class: 'muted' }, ` · ${statusNl(q.status)} · ${askedNl(q)}`))))));
  }
  return h('ul', { class: 'list questions-list', 'aria-label': 'Vragen' }, children);
}

function answerTimes(times) {
  if (!times.answered) return h('p', { class: 'muted' }, 'Nog geen beantwoorde vragen met deze filters.');
  // In working hours (weekdays, office hours, no public holidays): a question of Friday evening answered on Monday is no weekend.
  return h('p', null, `${number.format(times.answered)} beantwoord; een antwoord duurde gemiddeld ${workingHoursNl(times.meanHours)}, `
    + `de helft was er binnen ${workingHoursNl(times.medianHours)}.`);
}

function pager(total) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last === 1) return null;
  const link = (n, text) => h('a', { href: '?' + new URLSearchParams({ thema: chosen.theme, maand: chosen.month,
    status: chosen.status, pagina: n }) }, text);
  return h('nav', { 'aria-label': 'Pagina’s' }, h('ul', { class: 'pager' },
    page > 1 && h('li', null, link(page - 1, 'Vorige')), h('li', null, h('span', null, `Pagina ${page} van ${last}`)),
    page < last && h('li', null, link(page + 1, 'Volgende'))));
}

// The list as the filters and page choose it; loaded again after a registration.
async function listSection(words, section) {
  const parameters = new URLSearchParams({ page, pageSize });
  for (const [name, value] of Object.entries(chosen)) if (value) parameters.set(name, value);
  const list = await api('/api/helpdesk/questions?' + parameters);
  const counted = list.total === 1 ? '1 vraag' : `${number.format(list.total)} vragen`;
  section.replaceChildren(h('h2', { id: 'vragen-titel' }, counted),
    answerTimes(list.answerTimes), questionList(list, words), pager(list.total) ?? '');
}

async function start() {
  await editorOnly();
  titled('Vragen');
  const words = await loadVocabulary();
  const section = h('section', { 'aria-labelledby': 'vragen-titel' });
  await listSection(words, section);
  show(h('h1', null, 'Vragen aan de helpdesk'),
    h('p', { class: 'muted' }, 'Open vragen eerst, dan de nieuwste. Wie vroeg, staat er als rol en centrum, nooit bij naam.'),
    filters(words), h('div', { class: 'list' }, section, registrationForm(words, () => listSection(words, section))));
}

start().catch((error) => show(h('h1', null, 'Vragen aan de helpdesk'),
  h('p', { class: 'notice error', role: 'alert' }, error.status === 400
    ? 'Deze filters kunnen niet. Kies een thema, maand of status uit de lijsten.'
    : 'De vragen konden niet geladen worden. Probeer het opnieuw.')));
