// "Vraag registreren": a question that came by phone, mail or a session, registered in one short form like those from the
// website (channel, theme, core process, centre, role, minutes spent, the question and its date), so the registration is
// uniform whatever the channel. Each refusal of the API in Dutch at its field (messages.js).
import { api, expiredSession } from '../api.js';
import { h } from '../dom.js';
import { chipField } from '../editor/chips.js';
import { dateField, field, selectField } from '../editor/fields.js';
import { channels } from './words.js';
import { maxQuestion } from './ask-form.js';

const terms = (list) => list.map((t) => ({ value: t.id, label: t.label }));

// words: loadVocabulary()'s answer; registered(question): after the API took it.
export function registrationForm(words, registered) {
  const channel = selectField('registratie-kanaal', 'Kanaal',
    channels.filter(([id]) => id !== 'website').map(([value, label]) => ({ value, label })), { empty: 'Kies hoe de vraag binnenkwam' });
  const theme = selectField('registratie-thema', 'Thema', terms(words.themes), { empty: 'Kies een thema' });
  const coreProcess = selectField('registratie-kernproces', 'Kernproces', terms(words.coreProcesses), { empty: 'Geen kernproces' });
  const centre = selectField('registratie-centrum', 'Centrum', terms(words.centres), { empty: 'Onbekend centrum' });
  const roles = chipField('registratie-rollen', 'Rol van wie vroeg', terms(words.roles), { help: 'Bijvoorbeeld arts of directeur.' });
  const minutes = h('input', { id: 'registratie-minuten', type: 'number', min: '0', max: '600', step: '1', inputmode: 'numeric' });
  const minutesField = field('registratie-minuten', 'Bestede minuten', minutes, { help: 'Tijd voor het antwoord, 0 tot 600.' });
  const text = h('textarea', { id: 'registratie-tekst', rows: '4', maxlength: String(maxQuestion) });
  const textField = field('registratie-tekst', 'De vraag', text,
    { help: 'Zoals ze gesteld werd, zonder namen van leerlingen of andere personen.' });
  const askedAt = dateField('registratie-datum', 'Gesteld op', { help: 'Typ als dd-mm-jjjj; leeg: vandaag.' });
  const controls = { channel, theme, coreProcess, centre, roles, minutes: minutesField, text: textField, askedAt };
  const status = h('p', { role: 'status', class: 'muted' });

  const values = () => ({
    channel: channel.get(),
    text: text.value,
    theme: theme.get(),
    coreProcess: coreProcess.get(),
    centre: centre.get(),
    roles: roles.get() ?? [],
    minutes: minutes.value === '' ? null : Number(minutes.value),
    askedAt: askedAt.get(),
  });

  const form = h('form', { class: 'card editor', 'aria-labelledby': 'registratie-titel', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    for (const control of Object.values(controls)) control.show([]);
    status.textContent = 'Bezig met registreren…';
    try {
      const question = await api('/api/helpdesk/questions/registrations', { method: 'POST', body: values() });
      form.reset();
      roles.set([]);
      status.replaceChildren('Geregistreerd: ', h('a', { href: '/redactie/vragen/' + question.id }, 'de vraag openen'), '.');
      registered(question);
    } catch (error) {
      const rows = error.problem?.fieldErrors ?? [];
      // An error of roles[1] belongs to roles.
      const controlOf = (row) => row.field.replace(/\[.*$/, '');
      for (const [name, control] of Object.entries(controls)) control.show(rows.filter((r) => controlOf(r) === name));
      const first = Object.values(controls).find((c) => c.element.querySelector('.field-error'));
      status.textContent = error.status === 401 ? expiredSession
        : rows.length ? 'Niet geregistreerd: verbeter eerst wat onder de velden staat.'
          : 'Niet geregistreerd: er ging iets mis. Probeer het opnieuw; wat je typte, blijft staan.';
      first?.focus();
    }
  } },
  h('h2', { id: 'registratie-titel' }, 'Vraag registreren'),
  h('p', { class: 'muted' }, 'Voor vragen die per telefoon, per mail of tijdens een sessie binnenkwamen.'),
  h('div', { class: 'form-grid' }, channel.element, askedAt.element, theme.element, coreProcess.element,
    centre.element, roles.element, minutesField.element),
  textField.element,
  h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Registreer')),
  status);
  return form;
}
