// /redactie/themas/{id}: one theme as a form: title, introduction (Markdown with a preview), contact person (with their
// function), image and search aliases. Fields the form does not show are sent back as the file holds them. Removing a
// theme that materials or the calendar use is refused, naming them.
import { api, request } from '../api.js';
import { h, show, titled, safeHtml } from '../dom.js';
import { editorOnly } from '../shell.js';
import { load, save, refusal, field, status, words, removeButton } from '../definitions/forms.js';
import { errorSentence } from '../messages.js';

const id = decodeURIComponent(location.pathname.split('/')[3] ?? '');
const source = `/api/themes/${encodeURIComponent(id)}/fields`;
const labels = { title: 'Titel', contact: 'Aanspreekpunt', image: 'Afbeelding', aliases: 'Zoekwoorden', body: 'Inleiding' };

// The form checked as a save would check it, writing nothing: the introduction as the theme page will show it, and what a
// save would be refused for.
async function preview(form, target) {
  const response = await request(`/api/themes/${encodeURIComponent(id)}/check`,
    { method: 'POST', body: JSON.stringify(form), type: 'application/json' });
  const check = await response.json();
  target.replaceChildren(check.fieldErrors.length > 0 ? h('div', { class: 'notice error' }, h('p', null, 'Zo kan het niet bewaard worden:'),
    h('ul', null, check.fieldErrors.map((e) => h('li', null, errorSentence(e))))) : '', safeHtml(check.html));
}

function form(theme, contacts) {
  const message = status('thema-status');
  const shown = h('div', { class: 'body', id: 'voorbeeld', 'aria-live': 'polite' });
  const contact = h('select', { id: 'contact', name: 'contact' }, h('option', { value: '' }, 'Geen (het thema heeft er geen)'),
    contacts.map((c) => h('option', { value: c.id, selected: c.id === theme.fields.contact },
      c.role ? `${c.name} — ${c.role}` : c.name)));
  // Fields the form does not show go back as the file holds them.
  const values = () => ({ fields: { ...theme.fields, title: element.elements.title.value, contact: contact.value || null,
    image: element.elements.image.value || null, aliases: words(element.elements.aliases.value) }, body: element.elements.body.value });
  const element = h('form', { class: 'editor', onsubmit: async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      await save(source, { body: values(), from: source });
      message.textContent = 'Bewaard.';
      document.querySelector('main h1').textContent = element.elements.title.value;
      titled(element.elements.title.value);
    } catch (error) {
      message.replaceChildren(refusal(error));
    }
  } },
  field('title', labels.title, h('input', { id: 'title', name: 'title', value: theme.fields.title ?? '', required: true })),
  field('contact', labels.contact, contact),
  field('image', labels.image, h('input', { id: 'image', name: 'image', value: theme.fields.image ?? '',
    'aria-describedby': 'image-hulp' }), 'Een adres op deze site (/...) of https://...; leeg voor geen'),
  field('aliases', labels.aliases, h('input', { id: 'aliases', name: 'aliases', value: (theme.fields.aliases ?? []).join(', '),
    'aria-describedby': 'aliases-hulp' }), 'Zoekwoorden en afkortingen, gescheiden door komma’s'),
  field('body', labels.body, h('textarea', { id: 'body', name: 'body', rows: 12, 'aria-describedby': 'body-hulp' }, theme.body),
    'In Markdown: ## kop, **vet**, - lijst. De nieuwsbrief drukt dit af wanneer het thema in de kijker staat.'),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Bewaar'),
    h('button', { type: 'button', class: 'secondary', onclick: () => preview(values(), shown) }, 'Toon voorbeeld'),
    removeButton('dit thema', async () => {
      message.replaceChildren();
      try {
        await request(`/api/themes/${encodeURIComponent(id)}`, { method: 'DELETE' });
        location.assign('/redactie/themas');
      } catch (error) {
        message.replaceChildren(refusal(error));
      }
    })),
  message, h('h2', null, 'Voorbeeld van de inleiding'), shown);
  return element;
}

editorOnly().then(async () => {
  const [theme, contacts] = await Promise.all([load(source), api('/api/contacts')]);
  titled(theme.fields.title ?? id);
  show(h('h1', null, theme.fields.title ?? id), h('p', null, h('a', { href: '/themas/' + encodeURIComponent(id) }, 'Bekijk het thema')),
    form(theme, contacts));
  preview(theme, document.getElementById('voorbeeld'));
}).catch(() => show(h('h1', null, 'Thema'), h('p', { class: 'notice error', role: 'alert' }, 'Dit thema bestaat niet.')));
