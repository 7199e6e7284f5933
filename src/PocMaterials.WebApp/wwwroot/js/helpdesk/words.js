// A helpdesk question in words, for the editors' pages: its status and channel, the labels of its theme, core process,
// roles and centre (never the asker's name or address: the API does not give them), and how long its answer took.
import { api } from '../api.js';
import { dateNl } from '../dates.js';

export const statuses = [['open', 'Open'], ['answered', 'Beantwoord'], ['closed', 'Gesloten']];
export const channels = [['website', 'Website'], ['telefoon', 'Telefoon'], ['mail', 'Mail'], ['sessie', 'Sessie']];
const wordOf = (list, id) => list.find(([value]) => value === id)?.[1] ?? id;
export const statusNl = (id) => wordOf(statuses, id);
export const channelNl = (id) => wordOf(channels, id);

// The API names a term by its id, or as { id, label }.
export const idOf = (term) => (typeof term === 'string' ? term : term?.id ?? null);

// The labels of the taxonomy and the themes, loaded once: { label(list, term), themes, coreProcesses, roles, centres }.
let vocabulary = null;
export function loadVocabulary() {
  vocabulary ??= Promise.all([api('/api/taxonomy'), api('/api/themes')]).then(([taxonomy, themes]) => {
    const lists = {
      themes: themes.map((t) => ({ id: t.id, label: t.title })),
      coreProcesses: taxonomy.coreProcesses,
      roles: taxonomy.roles,
      centres: taxonomy.centres,
    };
    const label = (list, term) => (term && typeof term === 'object' && term.label)
      || lists[list].find((t) => t.id === idOf(term))?.label || idOf(term) || '';
    return { ...lists, label };
  });
  return vocabulary;
}

const number = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 });

// Hours as a Dutch duration: "45 minuten", "5 uur", "2,5 dagen".
export function hoursNl(hours) {
  if (hours == null || !Number.isFinite(Number(hours))) return 'onbekend';
  const h = Number(hours);
  const minutes = Math.max(1, Math.round(h * 60));
  if (h < 1) return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
  if (h < 48) return `${number.format(h)} uur`;
  return `${number.format(h / 24)} dagen`;
}

// Working hours as a Dutch duration: "45 minuten", "1 werkuur", "12,5 werkuren".
export function workingHoursNl(hours) {
  if (hours == null || !Number.isFinite(Number(hours))) return 'onbekend';
  const h = Number(hours);
  if (h < 1) return hoursNl(h);
  return h === 1 ? '1 werkuur' : `${number.format(h)} werkuren`;
}

// From asked to the first answer (a correction does not count), as "na 5 uur"; null when not answered.
export function answeredAfter(question) {
  const first = question.answer?.firstAnsweredAt ?? question.answer?.answeredAt;
  return first ? 'na ' + hoursNl((new Date(first) - new Date(question.askedAt)) / 3_600_000) : null;
}

// The score the asker gave (1 to 5), or null.
export const scoreOf = (question) => question.satisfaction?.score ?? null;

// Who asked, as editors may see it: roles and centre, never a name. Every staff member is a CLB-medewerker: said only when
// the asker has no other role.
export function askerNl(question, words) {
  const others = question.roles.filter((r) => idOf(r) !== 'clb-medewerker');
  return [(others.length ? others : question.roles).map((r) => words.label('roles', r)).join(', '),
    question.centre && words.label('centres', question.centre)].filter(Boolean).join(' · ') || 'onbekend';
}

export const askedNl = (question) => dateNl(question.askedAt);

// A long question shortened for a list, at a word.
export function shortText(text, limit = 180) {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf(' ', limit);
  return text.slice(0, cut > limit / 2 ? cut : limit) + ' …';
}
