// What helps write a material's text, on each text area that holds it (the form's "Tekst", the file in "Bron"): a link
// to another material picked by words of its title (Ctrl+K in the text, or a button of the page), and files dropped or
// pasted on the text uploaded as attachments and linked at the cursor.
import { acceptDroppedFiles } from './dropped-files.js';
import { pickMaterialLink } from './link-picker.js';

// slug: the saved material's address (null: not saved yet); onUploaded(attachment): after each upload. Returns what
// opens the link picker for this text area, for the page's button.
export function bodyTools(textarea, slug, onUploaded) {
  acceptDroppedFiles(textarea, slug, onUploaded);
  const pick = () => pickMaterialLink(textarea);
  // Ctrl+K as in other editors (Cmd+K on a Mac): the picker without leaving the keyboard.
  textarea.setAttribute('aria-keyshortcuts', 'Control+K Meta+K');
  textarea.addEventListener('keydown', (event) => {
    if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    event.preventDefault();
    pick();
  });
  return pick;
}
