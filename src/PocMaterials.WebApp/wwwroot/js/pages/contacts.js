// /redactie/contacten: the POC+ contact persons (contacts.yml) as a form: add, edit, remove. A contact that a material or
// theme still names cannot be removed: the page says which.
import { h, show, titled } from '../dom.js';
import { editorOnly } from '../shell.js';
import { load, save, refusal, field, status, removeButton } from '../definitions/forms.js';

const labels = { id: 'Id', name: 'Naam', role: 'Functie', email: 'E-mail', phone: 'Telefoon' };

function inputs(prefix, contact = {}) {
  const input = (name, type = 'text') => h('input', {
    id: `${prefix}-${name}`, name, type, value: contact[name] ?? '', required: name === 'name' || name === 'id',
    autocomplete: 'off' });
  return [
    field(`${prefix}-name`, labels.name, input('name')),
    field(`${prefix}-role`, labels.role, input('role'),
      'Waarvoor medewerkers bij deze persoon terechtkunnen, bv. Aanspreekpunt decreet leersteun'),
    field(`${prefix}-email`, labels.email, input('email', 'email')),
    field(`${prefix}-phone`, labels.phone, input('phone', 'tel')),
  ];
}

const values = (form) => Object.fromEntries(['id', 'name', 'role', 'email', 'phone']
  .filter((n) => form.elements[n]).map((n) => [n, form.elements[n].value]));

function contactForm(contact) {
  const prefix = 'c-' + contact.id;
  const message = status(prefix + '-status');
  const form = h('form', { class: 'card editor', 'data-contact': contact.id, 'aria-labelledby': prefix + '-titel',
    onsubmit: async (event) => {
      event.preventDefault();
      message.replaceChildren();
      try {
        await save('/api/contacts/' + encodeURIComponent(contact.id), { body: values(form), from: '/api/contacts' });
        message.textContent = 'Bewaard.';
      } catch (error) {
        message.replaceChildren(refusal(error));
      }
    } },
  h('h2', { id: prefix + '-titel' }, contact.name), h('p', { class: 'muted' }, 'Id: ' + contact.id),
  inputs(prefix, contact),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Bewaar'),
    removeButton(contact.name, async () => {
      message.replaceChildren();
      try {
        await save('/api/contacts/' + encodeURIComponent(contact.id), { method: 'DELETE', from: '/api/contacts' });
        form.remove();
      } catch (error) {
        message.replaceChildren(refusal(error));
      }
    })),
  message);
  return form;
}

function addForm() {
  const message = status('nieuw-status');
  const form = h('form', { class: 'card editor', 'aria-labelledby': 'nieuw-titel', onsubmit: async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      await save('/api/contacts', { method: 'POST', body: values(form), from: '/api/contacts' });
      location.reload();
    } catch (error) {
      message.replaceChildren(refusal(error));
    }
  } },
  h('h2', { id: 'nieuw-titel' }, 'Nieuw aanspreekpunt'),
  field('nieuw-id', labels.id, h('input', { id: 'nieuw-id', name: 'id', required: true, autocomplete: 'off',
    pattern: '[a-z0-9]+(-[a-z0-9]+)*', 'aria-describedby': 'nieuw-id-hulp' }),
  'Kleine letters en koppeltekens, bv. an-jacobs; materialen verwijzen ernaar en het verandert niet meer.'),
  inputs('nieuw'), h('button', { type: 'submit' }, 'Voeg toe'), message);
  return form;
}

editorOnly().then(async () => {
  titled('Aanspreekpunten');
  const contacts = await load('/api/contacts');
  show(h('h1', null, 'Aanspreekpunten'),
    h('p', null, 'De POC+-medewerkers die CLB-medewerkers bij een materiaal of thema kunnen contacteren.'),
    h('div', { class: 'definitions' }, contacts.map(contactForm), addForm()));
});
