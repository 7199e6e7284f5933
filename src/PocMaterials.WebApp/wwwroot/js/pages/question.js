// /redactie/vragen/{id}: one helpdesk question for editors: the question and who asked as a role and a centre, its similar
// questions, its answer and the answer form, "Sluit vraag" or "Heropen", the satisfaction score the asker gave, "Maak er
// een FAQ-vraag van", which opens the material editor with the question added to the theme's FAQ list (or a new one), and
// its mails, an uncertain one with "Opnieuw versturen".
import { api, expiredSession } from '../api.js';
import { h, safeHtml, show, titled, materialPage } from '../dom.js';
import { dateNl, momentNl } from '../dates.js';
import { editorOnly } from '../shell.js';
import { field } from '../editor/fields.js';
import { answerForm } from '../helpdesk/answer.js';
import { answeredAfter, askerNl, channelNl, loadVocabulary, scoreOf, shortText, statusNl } from '../helpdesk/words.js';

const id = decodeURIComponent(location.pathname.split('/')[3] ?? '');
const path = '/api/helpdesk/questions/' + encodeURIComponent(id);
const status = h('p', { role: 'status', class: 'muted', id: 'vraag-status' });

const fact = (term, ...value) => h('div', null, h('dt', null, term), h('dd', null, ...value));
const materialLink = (m) => h('a', { href: materialPage(m.slug) }, m.title);

function facts(question, words) {
  const answer = question.answer;
  return h('dl', { class: 'facts' },
    fact('Status', statusNl(question.status)),
    fact('Kanaal', channelNl(question.channel)),
    fact('Thema', words.label('themes', question.theme)),
    question.coreProcess && fact('Kernproces', words.label('coreProcesses', question.coreProcess)),
    question.material && fact('Materiaal', materialLink(question.material)),
    fact('Gesteld door', askerNl(question, words)),
    fact('Gesteld op', momentNl(question.askedAt)),
    question.registeredByName && fact('Geregistreerd door', question.registeredByName),
    answer && fact('Beantwoord', [momentNl(answer.answeredAt), answer.answeredByName && `door ${answer.answeredByName}`,
      answeredAfter(question)].filter(Boolean).join(', ')),
    answer && fact('Tevredenheid', scoreOf(question) ? `${scoreOf(question)} van 5` : 'nog niet gegeven'),
    question.faq && fact('FAQ-vraag', h('a', { href: materialPage(question.faq.slug) + '#' + question.faq.anchor },
      'bekijk de vraag in de FAQ-lijst')));
}

function similarList(similar) {
  if (similar.length === 0) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'gelijkaardig-titel' },
    h('h2', { id: 'gelijkaardig-titel' }, 'Ook zo gevraagd'),
    h('ul', { class: 'list' }, similar.map((other) => h('li', null,
      h('a', { href: '/redactie/vragen/' + other.id }, shortText(other.text, 120)),
      h('span', { class: 'muted' }, ` · ${statusNl(other.status)} · ${dateNl(other.askedAt)}`)))));
}

function answerShown(answer) {
  if (!answer) return null;
  const materials = answer.materials ?? [];
  return h('section', { class: 'card', 'aria-labelledby': 'gegeven-titel' },
    h('h2', { id: 'gegeven-titel' }, 'Het antwoord'),
    // The answer is Markdown: the API's safe HTML, as the asker's mail shows it.
    h('div', { class: 'answer-text' }, safeHtml(answer.html)),
    materials.length > 0 && h('p', null, 'Materialen: ', materials.flatMap((m, i) => [i > 0 && ', ', materialLink(m)])));
}

// The minutes spent, changed whenever the editor knows better (a correction of an answer would mail it again).
function minutesForm(question) {
  const input = h('input', { id: 'minuten', type: 'number', min: '0', max: '600', step: '1', inputmode: 'numeric',
    value: question.minutes == null ? '' : String(question.minutes) });
  const control = field('minuten', 'Bestede minuten', input, { help: 'In totaal voor deze vraag, 0 tot 600; leeg: niet bijgehouden.' });
  const said = h('span', { 'aria-live': 'polite', class: 'muted' });
  return h('form', { class: 'editor minutes', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    control.show([]);
    said.textContent = '';
    try {
      const minutes = input.value === '' ? null : Number(input.value);
      await api(`${path}/minutes`, { method: 'PUT', body: { minutes } });
      said.textContent = 'Bewaard.';
    } catch (error) {
      control.show(error.problem?.fieldErrors ?? []);
      said.textContent = error.status === 401 ? expiredSession : error.problem?.fieldErrors ? '' : 'Niet bewaard. Probeer het opnieuw.';
    }
  } }, control.element, h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Bewaar minuten'), said));
}

// The mails of this question (to the theme's contact, to the asker), how far they got; never to whom.
const mailStates = { pending: 'wacht om verstuurd te worden', sending: 'wordt verstuurd', sent: 'verstuurd',
  uncertain: 'onzeker: de server viel weg tijdens het versturen', failed: 'mislukt' };
function mailList(mails, reload) {
  if (mails.length === 0) return null;
  // An uncertain mail is never sent again by itself: it may have arrived. An editor who checked may choose to.
  const resend = (mail) => async () => {
    if (!confirm('Het is niet zeker of deze mail al aankwam: misschien wel. Opnieuw versturen kan hem een tweede keer ' +
      'bezorgen. Toch opnieuw versturen?')) return;
    try {
      await api(`${path}/mails/${mail.id}/resend`, { method: 'POST' });
      await reload('De mail wordt opnieuw verstuurd.');
    } catch (error) {
      status.textContent = error.status === 401 ? expiredSession : error.status === 409
        ? 'Deze mail is niet meer onzeker. Laad de pagina opnieuw.' : 'Niet opnieuw verstuurd. Probeer het opnieuw.';
    }
  };
  return h('section', { class: 'card', 'aria-labelledby': 'mails-titel' }, h('h2', { id: 'mails-titel' }, 'Mails'),
    h('ul', { class: 'list' }, mails.map((mail) => h('li', null,
      mail.kind === 'answer' ? 'Antwoord aan wie vroeg: ' : 'Vraag aan het aanspreekpunt: ', mailStates[mail.status] ?? mail.status,
      mail.sentAt && ` op ${momentNl(mail.sentAt)}`,
      mail.status === 'uncertain' && h('p', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onclick: resend(mail) }, 'Opnieuw versturen'))))));
}

// Close or reopen; "Maak er een FAQ-vraag van" opens the editor on the theme's FAQ list with the question in it.
function actions(question, reload) {
  const change = (action, done) => async () => {
    status.textContent = 'Bezig…';
    try {
      await api(`${path}/${action}`, { method: 'POST' });
      await reload(done);
    } catch (error) {
      status.textContent = error.status === 401 ? expiredSession : error.status === 409
        ? 'Dat kan niet in de toestand waarin de vraag nu is. Laad de pagina opnieuw.' : 'Niet gelukt. Probeer het opnieuw.';
    }
  };
  const faq = async () => {
    status.textContent = 'De FAQ-lijst wordt klaargemaakt…';
    try {
      const draft = await api(`${path}/faq-draft`);
      location.assign((draft.exists ? '/redactie/materialen/' + encodeURIComponent(draft.slug) : '/redactie/nieuw-materiaal')
        + '?vraag=' + encodeURIComponent(id));
    } catch (error) {
      status.textContent = error.status === 401 ? expiredSession : error.status === 409
        ? 'Beantwoord de vraag eerst: het antwoord wordt de tekst van de FAQ-vraag.' : 'Niet gelukt. Probeer het opnieuw.';
    }
  };
  return h('p', { class: 'actions' },
    question.status === 'closed'
      ? h('button', { type: 'button', class: 'secondary', onclick: change('reopen', 'De vraag is weer open.') }, 'Heropen')
      : h('button', { type: 'button', class: 'secondary', onclick: change('close', 'De vraag is gesloten.') }, 'Sluit vraag'),
    question.answer && !question.faq && h('button', { type: 'button', onclick: faq }, 'Maak er een FAQ-vraag van'));
}

async function render(said = '') {
  const [{ question, similar, mails }, words] = await Promise.all([api(path), loadVocabulary()]);
  titled(`Vraag: ${shortText(question.text, 60)}`);
  status.textContent = '';
  show(h('p', null, h('a', { href: '/redactie/vragen' }, 'Alle vragen')),
    h('h1', null, 'Vraag aan de helpdesk'),
    said && h('p', { class: 'notice', role: 'status' }, said),
    h('div', { class: 'material' },
      h('div', { class: 'list' },
        h('section', { class: 'card', 'aria-labelledby': 'vraag-titel' },
          h('h2', { id: 'vraag-titel' }, 'De vraag'), h('p', { class: 'question-text' }, question.text), facts(question, words),
          minutesForm(question), actions(question, render), status),
        answerShown(question.answer),
        question.status !== 'closed' && answerForm(question, (answered) => render(answered.answerByMail
          ? 'Het antwoord is bewaard en wordt gemaild naar wie de vraag stelde.'
          : 'Het antwoord is bewaard. Het wordt niet gemaild: het adres van wie de vraag stelde, is niet bekend.'))),
      h('aside', { 'aria-label': 'Over deze vraag' }, mailList(mails, render), similarList(similar))));
}

editorOnly().then(() => render()).catch((error) => show(h('h1', null, 'Vraag aan de helpdesk'),
  h('p', { class: 'notice error', role: 'alert' }, error.status === 404
    ? 'Deze vraag bestaat niet.' : 'De vraag kon niet geladen worden. Probeer het opnieuw.')));
