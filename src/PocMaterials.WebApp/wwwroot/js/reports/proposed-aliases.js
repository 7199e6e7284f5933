// Learning from use on /redactie: words staff searched without opening anything and then found a material with
// otherwise, proposed as synonyms with their evidence. One click accepts one (the search report's alias: a new
// version of taxonomy.yml or the theme's file, which search picks up) or dismisses it (never proposed again).
import { api } from '../api.js';
import { h, materialPage } from '../dom.js';

const number = new Intl.NumberFormat('nl-BE');
const times = (n, one, many) => `${number.format(n)} ${n === 1 ? one : many}`;
const quoted = (text) => `‘${text}’`;

function evidence(p) {
  const how = p.foundWith.length > 0
    ? `die daarna zochten op ${p.foundWith.map(quoted).join(', ')} en openden: `
    : 'die het daarna openden: ';
  return h('p', { class: 'muted' },
    `${times(p.searches, 'zoekopdracht', 'zoekopdrachten')} door ${times(p.viewers, 'medewerker', 'verschillende medewerkers')}, `,
    how, p.materials.map((m, i) => [i > 0 && ', ', h('a', { href: materialPage(m.slug) }, m.title)]));
}

function proposal(p) {
  const outcome = h('span', { role: 'status' });
  const buttons = [];
  const act = async (work, done) => {
    buttons.forEach((b) => { b.disabled = true; });
    outcome.textContent = 'Bezig…';
    try {
      outcome.textContent = done(await work());
    } catch {
      outcome.textContent = 'Niet gelukt; probeer het opnieuw.';
      buttons.forEach((b) => { b.disabled = false; });
    }
  };
  const body = { method: 'POST' };
  const accept = h('button', {
    type: 'button',
    onclick: () => act(() => api('/api/reports/searches/aliases', { ...body, body: { query: p.word, target: p.target } }),
      (answer) => `Toegevoegd: ${quoted(p.word)} vindt nu ${times(answer.materials, 'materiaal', 'materialen')}.`),
  }, 'Voeg toe als synoniem');
  const dismiss = h('button', {
    type: 'button',
    class: 'secondary',
    onclick: () => act(
      () => api('/api/reports/searches/proposed-aliases/dismissals', { ...body, body: { word: p.word, target: p.target } }),
      () => `Genegeerd: ${quoted(p.word)} wordt niet meer voorgesteld voor ${p.targetLabel}.`),
  }, 'Negeer');
  buttons.push(accept, dismiss);
  return h('li', null,
    h('p', null, h('strong', null, quoted(p.word)), ' als synoniem van ', h('strong', null, p.targetLabel), ` (${p.targetKind})`),
    evidence(p),
    h('div', { class: 'alias' }, accept, dismiss, outcome));
}

// The proposals of the period, most distinct staff first.
export function proposedAliases(report) {
  return [
    h('h3', null, 'Voorgestelde synoniemen'),
    report.proposals.length === 0
      ? h('p', { class: 'muted' },
        `Nog geen voorstellen. Een zoekwoord wordt voorgesteld zodra minstens ${report.minViewers} medewerkers ermee zochten.`)
      : h('ul', { class: 'list proposals' }, report.proposals.map(proposal)),
  ];
}
