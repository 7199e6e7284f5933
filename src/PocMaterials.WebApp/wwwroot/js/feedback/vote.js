// "Was dit nuttig?" under a material and under each FAQ answer: yes at once, or no with a reason and an optional
// comment. A vote within 30 days replaces the last one, so the buttons stay: changing one's mind is one click, and a
// reloaded page shows that vote again.
import { api, request } from '../api.js';
import { h, dateNl } from '../dom.js';
import { reasons, reasonLabel, maxComment } from './reasons.js';

let forms = 0;

// The viewer's own votes on a material by anchor, asked once for all its forms; none when they cannot be read, as
// voting works without them.
const mine = new Map();
function ownVotes(slug) {
  if (!mine.has(slug)) {
    mine.set(slug, api(`/api/materials/${encodeURIComponent(slug)}/feedback/mine`)
      .then((answer) => new Map(answer.votes.map((vote) => [vote.anchor, vote])), () => new Map()));
  }
  return mine.get(slug);
}

// What the API's refusal means, in Dutch, by its codes; never its English sentences.
function refusal(error) {
  const codes = (error.problem?.fieldErrors ?? []).map((e) => e.code);
  if (codes.includes('comment-too-long')) return `Je toelichting is te lang: maximaal ${maxComment} tekens.`;
  if (codes.includes('reason-required') || codes.includes('unknown-reason')) return 'Kies waarom het niet nuttig was.';
  if (error.status === 404) return 'Dit materiaal bestaat niet meer, of je rol mag het niet zien.';
  if (error.status === 401) return 'Je sessie is verlopen. Meld je opnieuw aan en probeer het dan nog eens.';
  return 'Je stem kon niet bewaard worden. Probeer het opnieuw.';
}

// One vote form: about the material (anchor '') or about the answer to the question with that anchor.
export function feedbackForm(slug, anchor) {
  const id = `nuttig-${++forms}`;
  const status = h('p', { class: 'feedback-status', role: 'status' });
  const kept = h('p', { class: 'muted feedback-kept' });
  const send = async (vote) => {
    status.textContent = 'Bezig…';
    kept.textContent = '';
    try {
      const response = await request(`/api/materials/${encodeURIComponent(slug)}/feedback`, {
        method: 'POST', type: 'application/json', body: JSON.stringify({ ...vote, anchor: anchor || undefined }),
      });
      status.textContent = response.status === 201 ? 'Bedankt, je stem is bewaard.' : 'Bedankt, je stem is gewijzigd.';
      return true;
    } catch (error) {
      status.textContent = refusal(error);
      return false;
    }
  };
  const comment = h('textarea', { id: `${id}-toelichting`, rows: '3', maxlength: String(maxComment),
    'aria-describedby': `${id}-hint ${id}-teller` });
  const counter = h('p', { id: `${id}-teller`, class: 'muted counter' }, `0 / ${maxComment} tekens`);
  const count = () => { counter.textContent = `${comment.value.length} / ${maxComment} tekens`; };
  comment.addEventListener('input', count);
  const why = h('form', { class: 'feedback-why', hidden: true, onsubmit: async (event) => {
    event.preventDefault();
    const reason = why.querySelector('input[type=radio]:checked')?.value;
    if (!reason) { status.textContent = 'Kies waarom het niet nuttig was.'; return; }
    if (await send({ helpful: false, reason, comment: comment.value.trim() || undefined })) why.hidden = true;
  } },
  h('fieldset', null, h('legend', null, 'Waarom niet?'), reasons.map(([value, label]) => h('div', { class: 'check' },
    h('input', { type: 'radio', name: `${id}-reden`, id: `${id}-${value}`, value }),
    h('label', { for: `${id}-${value}` }, label)))),
  h('label', { for: comment.id }, 'Toelichting (niet verplicht)'),
  h('p', { id: `${id}-hint`, class: 'muted' }, 'Schrijf geen namen van leerlingen of andere personen.'),
  comment, counter,
  h('button', { type: 'submit' }, 'Verstuur'));
  const yes = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, 'Ja');
  const no = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false', 'aria-expanded': 'false' }, 'Nee');
  let chosen = null;
  const choose = (button) => {
    chosen = button;
    yes.setAttribute('aria-pressed', String(button === yes));
    no.setAttribute('aria-pressed', String(button === no));
  };
  // The vote kept from before, unless the viewer already chose while it loaded: pressed, a no's reason and comment
  // ready in its form, and said in words.
  ownVotes(slug).then((votes) => {
    const vote = votes.get(anchor);
    if (!vote || chosen) return;
    choose(vote.helpful ? yes : no);
    for (const radio of why.querySelectorAll('input[type=radio]')) radio.checked = radio.value === vote.reason;
    comment.value = vote.comment ?? '';
    count();
    const answer = vote.helpful ? 'ja' : `nee, ${reasonLabel(vote.reason).toLowerCase()}`;
    kept.textContent = `Jouw stem van ${dateNl(vote.votedAt)}: ${answer}. Kies opnieuw om je stem te wijzigen.`;
  });
  yes.addEventListener('click', async () => {
    why.hidden = true;
    no.setAttribute('aria-expanded', 'false');
    if (await send({ helpful: true })) choose(yes);
  });
  no.addEventListener('click', () => {
    choose(no);
    why.hidden = false;
    no.setAttribute('aria-expanded', 'true');
    why.querySelector('input')?.focus();
  });
  return h('div', { class: anchor ? 'feedback' : 'card feedback', role: 'group', 'aria-labelledby': `${id}-vraag` },
    h('p', { id: `${id}-vraag`, class: 'feedback-question' }, anchor ? 'Was dit antwoord nuttig?' : 'Was dit materiaal nuttig?'),
    h('div', { class: 'feedback-buttons' }, yes, no), kept, why, status);
}

// A vote under each FAQ answer: after the answer's last part, before the next heading of its level or higher.
export function answerVotes(body, slug, questions) {
  for (const question of questions) {
    const heading = body.querySelector(`[id="${CSS.escape(question.anchor)}"]`);
    if (!heading) continue;
    const level = Number(heading.tagName.slice(1)) || 6;
    let end = heading.nextElementSibling;
    while (end && !(/^H[1-6]$/.test(end.tagName) && Number(end.tagName.slice(1)) <= level)) end = end.nextElementSibling;
    heading.parentNode.insertBefore(feedbackForm(slug, question.anchor), end);
  }
}
