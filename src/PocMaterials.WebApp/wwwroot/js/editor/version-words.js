// A version as a person reads it: who (by name, never a token subject), when (a Dutch date and time) and what it
// changed, in Dutch. The API's summaries are English records ("changed title and the text"); they are read here.
import { momentNl } from '../dates.js';

const fields = {
  title: 'titel', type: 'type', summary: 'samenvatting', core_processes: 'kernprocessen', themes: "thema's", domains: 'domeinen',
  roles: 'rollen', contact: 'aanspreekpunt', published: 'publicatiedatum', updated: 'bijwerkdatum', review_by: 'herzieningsdatum',
  status: 'status', tags: 'trefwoorden', 'the text': 'de tekst', aliases: 'aliassen',
};

const list = (parts) => parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;

const readings = [
  [/^created$/, () => 'aangemaakt'],
  [/^removed$/, () => 'verwijderd'],
  [/^unchanged$/, () => 'niets gewijzigd'],
  [/^restored version (\d+)$/, (n) => `versie ${n} teruggezet`],
  [/^renamed from (.+)$/, (slug) => `hernoemd, was ${slug}`],
  [/^changed: \+(\d+) -(\d+) lines$/, (added, removed) => `${added} regels toegevoegd, ${removed} weggehaald`],
  [/^alias '(.+)' added to (.+)$/, (alias, term) => `alias ‘${alias}’ toegevoegd aan ${term}`],
  [/^changed (.+)$/, (changed) => 'gewijzigd: ' + list(changed.split(/, | and /).map((f) => fields[f] ?? f))],
];

// What a version changed, in Dutch; a summary this page does not know is no English sentence either.
export function summaryNl(summary) {
  for (const [pattern, read] of readings) {
    const match = pattern.exec(summary ?? '');
    if (match) return read(...match.slice(1));
  }
  return 'gewijzigd';
}

// Changes found on disk carry no editor; anyone else without a name given at sign-in is unknown.
export const authorNl = (version) => version.author === 'file system' ? 'rechtstreeks in het bestand' : version.authorName ?? 'onbekend';


// One line for a version in a choice: "Versie 3 · 7 december 2026 om 14:05". Short enough for a phone's select, which
// cuts what does not fit; who wrote it stands in the list above and over each side of the comparison.
export const versionLabel = (version) => `Versie ${version.number} · ${momentNl(version.createdAt)}`;
