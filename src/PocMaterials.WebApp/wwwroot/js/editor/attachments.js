// A material's attachments: each a link with a way to replace or remove it, and a form to add one.
import { request, api, expiredSession } from '../api.js';
import { h, fileSize, fileChoice } from '../dom.js';
import { slugOf } from './address.js';
import { ifMatch } from './save.js';

// The API's rule for names: lower-case words joined by hyphens, as a material's address, and one extension.
export const fileName = (name) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${slugOf(name.slice(0, dot))}.${name.slice(dot + 1).toLowerCase()}` : slugOf(name);
};

const changedMeanwhile = 'Iemand anders heeft deze bijlage intussen gewijzigd. Laad de pagina opnieuw.';

// Why an upload was refused, in Dutch, told by the problem's code (its title and detail are English).
const refusals = {
  exists: 'Er is al een bijlage met die naam.',
  'precondition-failed': changedMeanwhile,
  'too-large': 'Het bestand is te groot voor een bijlage.',
  'unsupported-media-type':
    'Dit soort bestand kan niet: voeg een PDF, een Office- of OpenDocument-bestand of een PNG- of JPEG-afbeelding toe.',
  'wrong-type': 'Het bestand is niet wat zijn naam zegt (zoals een hernoemd bestand). Er werd niets opgeslagen.',
  invalid: 'Die naam kan niet: gebruik kleine letters, cijfers en koppeltekens.',
  'not-found': 'Dit materiaal bestaat niet (meer).',
};
export const uploadRefusal = (error) =>
  error.status === 401 ? expiredSession : refusals[error.problem?.code] ?? 'Niet gelukt: probeer het opnieuw.';

// The attachments of the material at path (its API address): a section to show, and load() to fill it.
export function attachmentList(path) {
  const attachments = h('div');

  async function load() {
    const list = await api(path + '/attachments');
    const name = h('input', { id: 'bijlage-naam', 'aria-describedby': 'bijlage-uitleg' });
    const choice = fileChoice({
      id: 'bijlage', accept: '.pdf,.docx,.pptx,.xlsx,.odt,.odp,.ods,.png,.jpg,.jpeg',
      onChange: (picked) => { name.value = picked ? fileName(picked.name) : ''; },
    });
    const file = choice.input;
    const outcome = h('p', { role: 'status' });
    // Adds a file, or with the ETag of the one listed replaces that one (and not a newer one someone else put).
    const send = async (fileName, body, etag, done) => {
      outcome.textContent = 'Uploaden…';
      try {
        await request(`${path}/attachments/${encodeURIComponent(fileName)}`,
          { method: 'PUT', body, type: 'application/octet-stream', headers: ifMatch(etag) });
        await load();
        attachments.querySelector('[role=status]').textContent = done;
      } catch (error) {
        outcome.textContent = uploadRefusal(error);
      }
    };
    const upload = (event) => {
      event.preventDefault();
      if (!file.files[0] || !name.value) { outcome.textContent = 'Kies eerst een bestand.'; return; }
      send(name.value, file.files[0], null, `${name.value} is toegevoegd.`);
    };
    const remove = async (attachment) => {
      if (!confirm(`${attachment.name} verwijderen?`)) return;
      try {
        await request(`${path}/attachments/${encodeURIComponent(attachment.name)}`,
          { method: 'DELETE', headers: { 'If-Match': attachment.eTag } });
        await load();
        attachments.querySelector('[role=status]').textContent = `${attachment.name} is verwijderd.`;
      } catch (error) {
        outcome.textContent = error.status === 412
          ? changedMeanwhile : 'Niet verwijderd: probeer het opnieuw.';
      }
    };
    const item = (attachment) => {
      const replacement = h('input', { type: 'file', hidden: true, accept: '.' + attachment.name.split('.').pop() });
      replacement.addEventListener('change', () =>
        replacement.files[0] && send(attachment.name, replacement.files[0], attachment.eTag, `${attachment.name} is vervangen.`));
      return h('li', null,
        h('a', { href: attachment.url }, attachment.name), h('span', { class: 'muted' }, ` (${fileSize(attachment.size)}) `),
        replacement,
        h('button', { type: 'button', class: 'link', 'aria-label': `Vervang ${attachment.name}`, onclick: () => replacement.click() },
          'Vervang'),
        ' ',
        h('button', { type: 'button', class: 'link', 'aria-label': `Verwijder ${attachment.name}`, onclick: () => remove(attachment) },
          'Verwijder'));
    };
    attachments.replaceChildren(
      list.length === 0 ? h('p', { class: 'muted' }, 'Nog geen bijlagen.') : h('ul', { class: 'list' }, list.map(item)),
      h('form', { class: 'upload', onsubmit: upload },
        h('div', { class: 'field file-field' }, choice.element),
        h('div', { class: 'field' }, h('label', { for: 'bijlage-naam' }, 'Naam'), name,
          h('small', { id: 'bijlage-uitleg', class: 'muted' },
            'Kleine letters en koppeltekens; PDF, Office, OpenDocument of een afbeelding.')),
        h('button', { type: 'submit' }, 'Uploaden')),
      outcome);
  }

  return {
    section: h('section', { 'aria-labelledby': 'bijlagen-titel' }, h('h2', { id: 'bijlagen-titel' }, 'Bijlagen'), attachments),
    load,
  };
}
