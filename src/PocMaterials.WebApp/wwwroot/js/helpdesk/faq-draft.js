// "Maak er een FAQ-vraag van" in the material editor (?vraag={id}): the API's draft of the theme's FAQ list with the
// question added (or of a new FAQ list) is loaded as the unsaved form, through the server's reading of the file as "Bron"
// does. Once the material is saved as published, the question is recorded as that FAQ question (its anchor) through
// POST /api/helpdesk/questions/{id}/faq; saved as a draft, it is recorded at the publication that follows in this tab.
import { api } from '../api.js';
import { h } from '../dom.js';

const pendingKey = (slug) => 'faq-vraag:' + slug;
const messageKey = (slug) => 'faq-melding:' + slug;
const notice = (text, kind = '') => h('p', { class: `notice ${kind}`.trim(), role: kind ? 'alert' : 'status' }, text);
const questionsOf = async (slug) => {
  try {
    return (await api(`/api/materials/${encodeURIComponent(slug)}/preview`)).material;
  } catch (error) {
    if (error.status === 404) return null; // not saved yet
    throw error;
  }
};

// form: the editor page's shared object (../editor/save.js); its notices show what a save did. The page shows element at
// its top: what was loaded.
export function faqDraft(form) {
  const element = h('div');
  const id = new URLSearchParams(location.search).get('vraag');
  const stored = (slug) => JSON.parse(sessionStorage.getItem(pendingKey(slug)) ?? 'null');
  let pending = form.slug ? stored(form.slug) : null;
  // The draft as loaded is the form's starting point, so the form sees no change in it: leaving says so all the same.
  let unsaved = false;
  // A new FAQ list recorded just before the page opened it at its own address.
  const said = form.slug && sessionStorage.getItem(messageKey(form.slug));
  if (said) {
    sessionStorage.removeItem(messageKey(form.slug));
    element.replaceChildren(notice(said));
  }

  // After the file is loaded (or the empty form started): the draft in its place, unsaved.
  async function load(fields) {
    if (!id) return;
    let draft;
    try {
      draft = await api(`/api/helpdesk/questions/${encodeURIComponent(id)}/faq-draft`);
    } catch (error) {
      // The material opens as it is; only the question is missing from it.
      element.replaceChildren(notice(error.status === 409 ? 'Deze vraag heeft nog geen antwoord: beantwoord ze eerst, dan '
        + 'wordt het antwoord de tekst van de FAQ-vraag.' : 'De vraag kon niet aan de FAQ-lijst toegevoegd worden. Probeer het '
        + 'opnieuw vanaf de pagina van de vraag.', 'warn'));
      return;
    }
    if (form.slug && draft.slug !== form.slug) {
      element.replaceChildren(h('p', { class: 'notice warn' }, 'De FAQ-lijst van het thema van deze vraag is een ander '
        + 'materiaal: ', h('a', { href: `/redactie/materialen/${encodeURIComponent(draft.slug)}?vraag=${encodeURIComponent(id)}` },
        draft.slug), '.'));
      return;
    }
    const before = form.slug ? (await questionsOf(form.slug))?.questions.map((q) => q.anchor) ?? [] : [];
    if (!(await fields.load(draft.text))) {
      form.editor.replaceText(draft.text);
      fields.unreadable();
    }
    form.address?.set(draft.slug);
    pending = { id, before, anchor: draft.anchor };
    unsaved = true;
    element.replaceChildren(notice(draft.exists
      ? 'De vraag staat als nieuwe vraag onderaan de FAQ-lijst, met het antwoord als tekst. Kijk ze na en publiceer.'
      : 'Dit thema heeft nog geen FAQ-lijst: dit is een nieuwe, met de vraag en het antwoord. Kijk ze na en publiceer.'));
  }

  // The new question's anchor in the saved material: the draft's, else (its heading changed) the one anchor added.
  function anchorOf(material) {
    const anchors = material.questions.map((q) => q.anchor);
    if (anchors.includes(pending.anchor)) return pending.anchor;
    const added = anchors.filter((a) => !pending.before.includes(a));
    return added.length === 1 ? added[0] : null;
  }

  // After each save of form.slug: recorded when published, else kept for the publication. leaving: the page opens
  // another address next (a new material), where what happened is said.
  async function saved(leaving) {
    if (!pending) return;
    unsaved = false;
    const slug = form.slug;
    if (location.search.includes('vraag=')) history.replaceState(null, '', location.pathname);
    let message;
    try {
      const material = await questionsOf(slug);
      if (material?.status !== 'published') {
        sessionStorage.setItem(pendingKey(slug), JSON.stringify(pending));
        message = 'Bewaard als concept: de vraag wordt als FAQ-vraag geregistreerd zodra je publiceert.';
      } else {
        sessionStorage.removeItem(pendingKey(slug));
        const anchor = anchorOf(material);
        if (anchor) await api(`/api/helpdesk/questions/${encodeURIComponent(pending.id)}/faq`, { method: 'POST', body: { slug, anchor } });
        message = anchor ? 'Gepubliceerd: de vraag is geregistreerd als FAQ-vraag van deze lijst.'
          : 'Gepubliceerd, maar de nieuwe vraag staat niet meer in de lijst: ze is niet als FAQ-vraag geregistreerd.';
        pending = null;
        element.replaceChildren();
      }
    } catch {
      message = 'Opgeslagen, maar de vraag kon niet als FAQ-vraag geregistreerd worden. Publiceer opnieuw om het nog eens te proberen.';
    }
    form.notices.replaceChildren(notice(message));
    if (leaving) sessionStorage.setItem(messageKey(slug), message);
  }

  return { element, load, saved, unsaved: () => unsaved };
}
