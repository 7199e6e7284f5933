// /redactie/themas/{id}: one theme as a form: title, introduction (Markdown with a preview), contact person (with their
// function), image and search aliases. Fields the form does not show are sent back as the file holds them. Removing a
// theme that materials or the calendar use is refused, naming them.
import { api, request } from '../api.js';
import { h, show, titled, safeHtml } from '../dom.js';
import { editorOnly } from '../shell.js';
import { load, save, refusal, field, status, words, removeButton } from '../definitions/forms.js';

const id = decodeURIComponent(location.pathname.split('/')[3] ?? '');
const source = `/api/themes/${encodeURIComponent(id)}/fields`;
const labels = { title: 'Titel', contact: 'Aanspreekpunt', image: 'Afbeelding', aliases: 'Aliassen', body: 'Inleiding' };

// The introduction rendered as the site renders Markdown, by the material check (which writes nothing).
async function preview(markdown, target) {
  const file = `---\ntitle: Voorbeeld\ntype: faq\n---\n${markdown}`;
  const response = await request('/api/materials/voorbeeld-thema/check', { method: 'POST', body: file, type: 'text/markdown' });
  target.replaceChildren(safeHtml((await response.json()).html));
}

function form(theme, contacts) {
  const message = status('thema-status');
  const shown = h('div', { class: 'body', id: 'voorbeeld', 'aria-live': 'polite' });
  const contact = h('select', { id: 'contact', name: 'contact' }, h('option', { value: '' }, 'Geen (het thema heeft er geen)'),
    contacts.map((c) => h('option', { value: c.id, selected: c.id === theme.fields.contact },
      c.role ? `${c.name} — ${c.role}` : c.name)));
  const element = h('form', { class: 'editor', onsubmit: async (event) => {
    event.preventDefault();
    message.replaceChildren();
    const fields = { ...theme.fields, title: element.elements.title.value, contact: contact.value || null,
      image: element.elements.image.value || null, aliases: words(element.elements.aliases.value) };
    try {
      await save(source, { body: { fields, body: element.elements.body.value }, from: source });
      message.textContent = 'Bewaard.';
    } catch (error) {
      message.replaceChildren(refusal(error, labels));
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
    h('button', { type: 'button', class: 'secondary', onclick: () => preview(element.elements.body.value, shown) }, 'Toon voorbeeld'),
    removeButton('dit thema', async () => {
      message.replaceChildren();
      try {
        await request(`/api/themes/${encodeURIComponent(id)}`, { method: 'DELETE' });
        location.assign('/redactie/themas');
      } catch (error) {
        message.replaceChildren(refusal(error, labels));
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
  preview(theme.body, document.getElementById('voorbeeld'));
}).catch(() => show(h('h1', null, 'Thema'), h('p', { class: 'notice error', role: 'alert' }, 'Dit thema bestaat niet.')));
