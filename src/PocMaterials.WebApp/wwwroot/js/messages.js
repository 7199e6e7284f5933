// Every error code of the API (README "Content error codes", those of the publishing requests and those of a subscriber
// file) as a Dutch sentence with its values, for under the field it concerns: the one place every page's error wording
// comes from (the material form, the definition forms, the subscribers). An unknown code gets a general Dutch sentence:
// a page never shows the API's English.
import { dateNl, monthNl } from './dates.js';

// What an editor calls each field, in the form and in the file.
const labels = {
  title: 'de titel', summary: 'de samenvatting', type: 'het type', core_processes: 'de kernprocessen', themes: "de thema's",
  domains: 'de domeinen', roles: 'de rollen', contact: 'het aanspreekpunt', tags: 'de trefwoorden', review_by: 'de herzieningsdatum',
  published: 'de publicatiedatum', updated: 'de datum van bijwerken', status: 'de status', body: 'de tekst', slug: 'het adres',
  yaml: 'de velden bovenaan het bestand', file: 'het bestand', 'publication.date': 'de datum om in te plannen',
  // The definitions' fields: a theme's, a contact's, a term's, and the lists of taxonomy.yml.
  image: 'de afbeelding', aliases: 'de zoekwoorden', name: 'de naam', role: 'de functie', email: 'het e-mailadres',
  phone: 'het telefoonnummer', id: 'het id', label: 'het label', month: 'de maand', types: 'de soorten', centres: 'de centra',
  glossary: 'de woordenlijst', staff: 'het aantal medewerkers',
  // A helpdesk question's fields, and its answer's.
  text: 'de vraag', theme: 'het thema', coreProcess: 'het kernproces', material: 'het materiaal', channel: 'het kanaal',
  centre: 'het centrum', minutes: 'de bestede minuten', askedAt: 'de datum', 'answer.text': 'het antwoord',
  'answer.materials': 'de materialen', 'answer.minutes': 'de bestede minuten',
};
const lists = {
  types: 'de types', core_processes: 'de kernprocessen', domains: 'de domeinen', roles: 'de rollen', themes: "de thema's",
  contacts: 'de aanspreekpunten', centres: 'de centra',
};
const definitions = { 'taxonomy.yml': 'de taxonomie', 'contacts.yml': 'de aanspreekpunten', 'themes/': "de thema's" };

// A month of the newsletter calendar is its own field (yyyy-MM).
export const fieldLabel = (field) => labels[field] ?? labels[field?.replace(/^fields\./, '')]
  ?? (/^\d{4}-(0[1-9]|1[0-2])$/.test(field ?? '') ? `de maand ${monthNl(field)}` : `het veld ‘${field}’`);
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const number = (n) => Number(n).toLocaleString('nl-BE');
const isoDay = (value) => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '') ? dateNl(value) : `‘${value}’`;
const list = (items) => [items ?? []].flat().map((item) => lists[item] ?? item).join(' of ');

// Each code as a sentence: (values, field label) => text.
const sentences = {
  required: (v, f) => `${capital(f)} is verplicht.`,
  'not-text': (v, f) => `${capital(f)} is één tekst, geen lijst.`,
  'not-a-list': (v, f) => `${capital(f)} is een lijst.`,
  'invalid-item': (v, f) => `${capital(f)} bevat een leeg item.`,
  'unknown-field': (v, f) => `${capital(f)} bestaat niet. Mogelijke velden: ${[v.expected ?? []].flat().join(', ')}.`,
  'unknown-term': (v, f) => `‘${v.value}’ staat niet in ${list(v.lists) || f}. Kies een bestaande waarde.`,
  'too-long': (v, f) => `${capital(f)} is ${number(v.length)} tekens lang; maximaal ${number(v.limit)}.`,
  'too-many': (v, f) => `${capital(f)} heeft ${number(v.count)} items; maximaal ${number(v.limit)}.`,
  'invalid-count': (v, f) => `${capital(f)} is ‘${v.value}’: typ een geheel getal van ${number(v.min)} tot ${number(v.max)}.`,
  'invalid-date': (v) => `‘${v.value}’ is geen datum. Typ de datum als dd-mm-jjjj, bijvoorbeeld 14-09-2026.`,
  'date-order': (v, f) => `${capital(f)} (${isoDay(v.value)}) ligt vóór ${fieldLabel(v.before)} (${isoDay(v.beforeValue)}); `
    + 'dat mag niet.',
  'invalid-status': (v) => `‘${v.value}’ is geen status: gebruik ‘published’ of ‘draft’.`,
  'invalid-month': (v) => `‘${v.value}’ is geen maand: schrijf ze als jjjj-mm, bijvoorbeeld 2026-10.`,
  duplicate: (v) => v.file
    ? `Er bestaat al een materiaal met het adres ‘${v.value}’ (${v.file}).` : `‘${v.value}’ staat er twee keer in.`,
  'incomplete-entry': () => 'Elk item heeft een id en een label nodig.',
  'required-role': (v) => `De rol ‘${v.value}’ (elke medewerker) moet blijven bestaan.`,
  'invalid-structure': () => 'Het bestand heeft niet de vorm die het moet hebben.',
  'control-character': (v, f) => `${capital(f)} bevat een onzichtbaar stuurteken (${v.character}); verwijder het.`,
  'lone-surrogate': (v, f) => `${capital(f)} bevat een half teken (${v.character}); verwijder het.`,
  yaml: () => 'De velden bovenaan het bestand zijn niet leesbaar (YAML). Kijk de regel na in de bron.',
  'front-matter-missing': () => 'Het bestand moet beginnen met een regel ---, de velden en nog een regel ---.',
  'front-matter-unclosed': () => 'De velden bovenaan het bestand worden niet afgesloten met een regel ---.',
  'invalid-markdown': () => 'De tekst kan niet als Markdown gelezen worden: te diep geneste citaten of haken.',
  'file-too-large': (v) => `Het bestand is ${number(v.size)} bytes; maximaal ${number(v.limit)}.`,
  unreadable: () => 'Het bestand kan niet gelezen worden.',
  unparsable: () => 'Het bestand kan niet verwerkt worden. Meld dit aan de beheerder.',
  'in-use': (v) => `‘${v.value}’ wordt nog gebruikt; pas eerst ${definitions[v.definitions] ?? v.definitions} of dit materiaal aan.`,
  'invalid-slug': (v) => `‘${v.value}’ is geen geldig adres: kleine letters en cijfers, woorden verbonden met koppeltekens.`,
  'invalid-address': (v) => `‘${v.value}’ is geen adres van een afbeelding: begin met / (op deze site) of met https://.`,
  'not-editable': () => 'Het bestand is zo geschreven dat het formulier het niet kan aanpassen; pas het bestand zelf aan.',
  'not-in-future': (v) => `Plan in op een dag na vandaag (${isoDay(v.today)}); voor vandaag kies je ‘Publiceer nu’.`,
  // A helpdesk question's and answer's own.
  'invalid-channel': () => 'Kies hoe de vraag binnenkwam: telefoon, mail of sessie.',
  'out-of-range': (v, f) => `Kies voor ${f} een getal van ${number(v.min)} tot ${number(v.max)} (niet ${number(v.value)}).`,
  'date-in-future': (v) => `${isoDay(v.value)} ligt nog niet voorbij: registreer een vraag op de dag dat ze gesteld werd.`,
  'unknown-material': (v) => `Er is geen materiaal met het adres ‘${v.value}’ (meer). Verwijder het en kies opnieuw.`,
};

// One error of the API's fieldErrors ({ field, code, values }) as a Dutch sentence.
export function errorSentence(error) {
  const sentence = sentences[error.code];
  return sentence ? sentence(error.values ?? {}, fieldLabel(error.field))
    : `${capital(fieldLabel(error.field))} is niet in orde. Kijk het na en probeer opnieuw.`;
}

// The Dutch sentence of a refusal without errors per field (a 400 or 409 without fieldErrors, a server error).
export const problemSentence = (problem, fallback) => problem?.fieldErrors?.length
  ? problem.fieldErrors.map(errorSentence).join(' ') : fallback;

// A subscriber file's own codes ({ line, column, code, value } of the import and of the add form: README, Subscribers).
const importSentences = {
  'not-utf8': () => 'Geen UTF-8: bewaar het bestand als “CSV UTF-8”.',
  'empty-file': () => 'Het bestand is leeg; de eerste regel is email,name,roles,centre.',
  header: (v) => `De eerste regel moet email,name,roles,centre zijn (gescheiden door komma’s), niet “${v}”.`,
  'too-many-rows': () => 'Meer dan 50.000 regels: splits het bestand.',
  'field-count': () => 'Niet vier velden op deze regel.',
  'no-rows': () => 'Het bestand heeft geen abonnees.',
  malformed: () => 'De aanhalingstekens kloppen niet op deze regel.',
  'invalid-email': (v) => `“${v}” is geen geldig e-mailadres.`,
  duplicate: (v) => `Dit adres staat al op regel ${v}.`,
  required: () => 'De naam ontbreekt.',
  'too-long': () => 'De naam is te lang.',
  'control-character': () => 'De naam bevat een onzichtbaar stuurteken.',
  'editor-role': () => 'Redacteur is geen rol voor een abonnee: de mail zou dan ook concepten en de materialen van elke rol tonen.',
  'unknown-term': (v) => `“${v}” bestaat niet in de taxonomie.`,
};
const columns = { email: 'e-mail', name: 'naam', roles: 'rollen', centre: 'centrum' };

// Where a subscriber file's error is ("Regel 3, e-mail") and what it is.
export const importErrorPlace = (error) => [error.line ? `Regel ${error.line}` : 'Bestand', columns[error.column]]
  .filter(Boolean).join(', ');
export const importErrorSentence = (error) => (importSentences[error.code] ?? (() => 'Deze waarde klopt niet.'))(error.value ?? '');
