// /redactie/themas: the themes to edit, and a new theme (its id, then its title; the rest on its own page).
import { api } from '../api.js';
import { h, show, titled } from '../dom.js';
import { editorOnly } from '../shell.js';
import { save, refusal, field, status } from '../definitions/forms.js';

function addForm() {
  const message = status('nieuw-status');
  const form = h('form', { class: 'card editor', 'aria-labelledby': 'nieuw-titel', onsubmit: async (event) => {
    event.preventDefault();
    message.replaceChildren();
    const id = form.elements.id.value;
    try {
      await save(`/api/themes/${encodeURIComponent(id)}/fields`, { body: { fields: { title: form.elements.title.value }, body: '' } });
      location.assign('/redactie/themas/' + encodeURIComponent(id));
    } catch (error) {
      message.replaceChildren(refusal(error));
    }
  } },
  h('h2', { id: 'nieuw-titel' }, 'Nieuw thema'),
  field('nieuw-id', 'Id', h('input', { id: 'nieuw-id', name: 'id', required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*',
    'aria-describedby': 'nieuw-id-hulp' }), 'Kleine letters en koppeltekens, bv. schoolverzuim; het adres van het thema'),
  field('nieuw-title', 'Titel', h('input', { id: 'nieuw-title', name: 'title', required: true })),
  h('button', { type: 'submit' }, 'Maak aan'), message);
  return form;
}

editorOnly().then(async () => {
  titled('Thema’s beheren');
  const themes = await api('/api/themes');
  show(h('h1', null, 'Thema’s beheren'),
    h('div', { class: 'definitions' },
      h('ul', { class: 'list' }, themes.map((t) => h('li', { class: 'card' },
        h('a', { href: '/redactie/themas/' + encodeURIComponent(t.id) }, t.title),
        h('p', { class: 'muted' }, [t.contact?.name, `${t.materialCount} materialen`].filter(Boolean).join(' · '))))),
      addForm()));
});
