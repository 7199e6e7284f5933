// /redactie/kalender?schooljaar=2026: the POC-a-tizer's calendar for a school year, September to August, each month with
// its theme or core process in the spotlight, or left to the automatic choice. Saved a month at a time in newsletter.yml.
import { api } from '../api.js';
import { h, show, titled, monthNl } from '../dom.js';
import { editorOnly } from '../shell.js';
import { load, save, refusal, status } from '../definitions/forms.js';

const source = '/api/newsletter/calendar';
const pad = (n) => String(n).padStart(2, '0');
// The school year a day is in starts on 1 September.
const schoolYearOf = (day) => day.getMonth() >= 8 ? day.getFullYear() : day.getFullYear() - 1;
const monthsOf = (year) => Array.from({ length: 12 }, (_, i) => i < 4 ? `${year}-${pad(9 + i)}` : `${year + 1}-${pad(i - 3)}`);

function monthRow(month, planned, themes, processes) {
  const id = 'maand-' + month;
  const message = status(id + '-status');
  const option = (item) => h('option', { value: item.id, selected: item.id === planned }, item.label);
  const select = h('select', { id, name: 'feature' },
    h('option', { value: '' }, 'Automatisch gekozen'),
    h('optgroup', { label: 'Thema’s' }, themes.map(option)),
    h('optgroup', { label: 'Kernprocessen' }, processes.map(option)));
  const form = h('form', { class: 'month', 'data-month': month, onsubmit: async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      await save(`/api/newsletter/calendar/${month}`, { body: { feature: select.value || null }, from: source });
      message.textContent = 'Bewaard.';
    } catch (error) {
      message.replaceChildren(refusal(error));
    }
  } }, h('label', { for: id }, monthNl(month)), select, h('button', { type: 'submit', class: 'secondary' }, 'Bewaar'), message);
  return h('li', { class: 'card' }, form);
}

editorOnly().then(async () => {
  titled('Kalender van de nieuwsbrief');
  const asked = Number(new URLSearchParams(location.search).get('schooljaar'));
  const year = Number.isInteger(asked) && asked > 2000 ? asked : schoolYearOf(new Date());
  const [calendar, themes, terms] = await Promise.all([load(source), api('/api/themes'), api('/api/taxonomy/terms')]);
  const themeItems = themes.map((t) => ({ id: t.id, label: t.title }));
  const year2 = (y) => `${y}-${y + 1}`;
  show(h('h1', null, 'Kalender van de POC-a-tizer'),
    h('p', null, 'Per maand het thema of kernproces in de kijker. Een maand zonder keuze krijgt automatisch een thema.'),
    h('nav', { class: 'actions', 'aria-label': 'Schooljaren' },
      h('a', { href: '?schooljaar=' + (year - 1) }, 'Schooljaar ' + year2(year - 1)),
      h('strong', null, 'Schooljaar ' + year2(year)),
      h('a', { href: '?schooljaar=' + (year + 1) }, 'Schooljaar ' + year2(year + 1))),
    h('ol', { class: 'list calendar' },
      monthsOf(year).map((m) => monthRow(m, calendar.months[m], themeItems, terms.lists.core_processes))));
});
