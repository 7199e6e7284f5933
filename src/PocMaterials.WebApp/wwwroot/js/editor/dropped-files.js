// Files dropped on or pasted into a text area become attachments of the material, each linked at the cursor (an
// image shown as one), with a Dutch line under the text area saying how it goes or why it was refused.
import { request } from '../api.js';
import { h } from '../dom.js';
import { fileName, uploadRefusal } from './attachments.js';
import { insertAtCursor } from './link-picker.js';

const images = ['png', 'jpg', 'jpeg'];
// A name taken already gets a number rather than replacing that file: -2, -3, ... up to this.
const maxTries = 20;

const numbered = (name, n) => n === 1 ? name : name.replace(/(\.[a-z0-9]+)$/, `-${n}$1`);
const extension = (name) => name.slice(name.lastIndexOf('.') + 1);
// The words of a file name: an image's first description until the editor writes a better one.
const words = (name) => name.slice(0, name.lastIndexOf('.')).replace(/-/g, ' ');

// slug: the saved material's address, or null for one not saved yet (it has no place for files).
// onUploaded(attachment): after each upload, for instance to list the attachments again.
export function acceptDroppedFiles(textarea, slug, onUploaded = () => {}) {
  const status = h('p', { role: 'status', class: 'muted drop-status' });
  const say = (text) => {
    if (!status.isConnected) textarea.after(status);
    status.textContent = text;
  };

  // Uploads one file under a free name: the attachment the API answers, or throws its refusal.
  async function upload(file, name) {
    for (let n = 1; ; n++) {
      try {
        const response = await request(`/api/materials/${encodeURIComponent(slug)}/attachments/${encodeURIComponent(numbered(name, n))}`,
          { method: 'PUT', body: file, type: 'application/octet-stream' });
        return await response.json();
      } catch (error) {
        if (error.problem?.code !== 'exists' || n >= maxTries) throw error;
      }
    }
  }

  async function accept(files) {
    if (!slug) {
      say('Bewaar het materiaal eerst: pas daarna kun je er bestanden in slepen of plakken.');
      return;
    }
    for (const file of files) {
      // A name of no letters or digits ("ß.png") keeps its extension under a word of ours.
      const name = fileName(file.name || 'afbeelding.png').replace(/^\./, 'bijlage.');
      // Marks the place while the file goes up: typing meanwhile moves it along with the text.
      const placeholder = `[${name} wordt geüpload…]`;
      insertAtCursor(textarea, placeholder);
      say(`${name} uploaden…`);
      let link = '';
      try {
        const attachment = await upload(file, name);
        link = images.includes(extension(attachment.name))
          ? `![${words(attachment.name)}](${attachment.url})` : `[${attachment.name}](${attachment.url})`;
        say(`${attachment.name} is toegevoegd als bijlage en gelinkt.`);
        onUploaded(attachment);
      } catch (error) {
        say(`${name} is niet toegevoegd. ${uploadRefusal(error)}`);
      }
      replacePlaceholder(placeholder, link);
    }
  }

  function replacePlaceholder(placeholder, link) {
    const at = textarea.value.indexOf(placeholder);
    if (at < 0) {
      if (link) insertAtCursor(textarea, link);
      return;
    }
    const { selectionStart, selectionEnd } = textarea;
    const shift = (position) => position <= at ? position : position + link.length - placeholder.length;
    textarea.setRangeText(link, at, at + placeholder.length);
    textarea.setSelectionRange(shift(selectionStart), shift(selectionEnd));
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }

  const hasFiles = (transfer) => Array.from(transfer?.types ?? []).includes('Files');
  textarea.addEventListener('dragover', (event) => {
    if (!hasFiles(event.dataTransfer)) return;
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = 'copy';
  });
  textarea.addEventListener('drop', (event) => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    accept(Array.from(event.dataTransfer.files));
  });
  // Pasted text stays the browser's business; pasted files (a screenshot) are uploaded.
  textarea.addEventListener('paste', (event) => {
    if (!event.clipboardData?.files.length) return;
    event.preventDefault();
    accept(Array.from(event.clipboardData.files));
  });
}
