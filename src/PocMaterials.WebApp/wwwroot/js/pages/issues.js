// /redactie/nieuwsbrieven?id=: the POC-a-tizer issues for editors. One issue: its feature and why, its
// materials, the mail as a role would get it, a test mail, the introduction to edit, approve and cancel, why it
// waits or stopped, and how its sending went.
import { api, problemText } from '../api.js';
import { h, show, titled, monthNl, dateNl, materialPage } from '../dom.js';
import { monthAfter } from '../dates.js';
import { editorOnly } from '../shell.js';
import { sendingSection } from '../newsletter/deliveries.js';
import { suppressedSection } from '../newsletter/suppressed.js';

const statuses = {
  composed: 'samengesteld, wacht op goedkeuring',
  approved: 'goedgekeurd',
  sending: 'wordt verstuurd',
  sent: 'verstuurd',
  stopped: 'gestopt',
  cancelled: 'geannuleerd',
};
const open = (status) => ['composed', 'approved', 'stopped'].includes(status);
const sentSome = (status) => ['sending', 'sent', 'stopped', 'cancelled'].includes(status);

// Why the issue waits (composed late) or stopped (the run's reason), and what the editor can do about it.
function note(issue) {
  if (!issue.note) return null;
  if (issue.status !== 'stopped') return h('p', { class: 'notice' }, issue.note);
  return h('div', { class: 'notice error' }, h('p', null, h('strong', null, 'Waarom gestopt: '), issue.note),
    h('p', null, 'Los de oorzaak op en keur het nummer opnieuw goed: het versturen gaat dan verder, en wie zijn mail al ' +
      'kreeg, krijgt hem niet nog eens. Of annuleer het nummer.'));
}
const reason = (error) => problemText(error, 'Probeer het opnieuw.');

function issueList(issues, current, planned) {
  return h('nav', { class: 'card', 'aria-labelledby': 'nummers-titel' }, h('h2', { id: 'nummers-titel' }, 'Nummers'),
    issues.length === 0 ? h('p', { class: 'muted' }, 'Nog geen nummer samengesteld.')
      : h('ul', { class: 'list' }, issues.map((i) => h('li', null,
        h('a', { href: '?id=' + i.id, 'aria-current': i.id === current ? 'page' : null }, `${monthNl(i.month)}: ${i.feature}`),
        h('span', { class: 'muted' }, ` · ${statuses[i.status] ?? i.status}`)))),
    h('form', { class: 'alias', onsubmit: compose }, h('label', { for: 'maand' }, 'Stel samen voor'),
      monthChoice(planned), h('button', { type: 'submit', class: 'secondary' }, 'Samenstellen'),
      h('span', { role: 'status', id: 'samenstellen-status' })));
}

// The month to compose, in Dutch whatever the browser's language (a month input is not): a year either side of this
// month, which is chosen first, as the API's default, and every month the calendar plans.
function monthChoice(planned) {
  const today = new Date();
  const current = monthAfter(today, 0);
  const months = new Set([...Array.from({ length: 25 }, (_, i) => monthAfter(today, i - 12)), ...planned]);
  return h('select', { id: 'maand' }, [...months].sort()
    .map((month) => h('option', { value: month, selected: month === current }, monthNl(month))));
}

async function compose(event) {
  event.preventDefault();
  const month = document.getElementById('maand').value;
  try {
    const detail = await api('/api/newsletter/issues?month=' + encodeURIComponent(month), { method: 'POST' });
    location.assign('?id=' + detail.issue.id);
  } catch (error) {
    document.getElementById('samenstellen-status').textContent = 'Niet samengesteld: ' + reason(error);
  }
}

function materials(composition, titles) {
  const group = (title, slugs) => slugs.length > 0 &&
    [h('h3', null, title), h('ul', null, slugs.map((s) => h('li', null, h('a', { href: materialPage(s) }, titles[s] ?? s))))];
  return [group('Nieuw', composition.new), group('Bijgewerkt', composition.updated),
    group('Meest bekeken in het thema', composition.mostViewed), group('Nog niet bekeken in het thema', composition.neverViewed),
    group('Top van de maand', composition.topOfMonth),
    h('p', { class: 'muted' }, 'Elke lezer krijgt van de meest en de nog niet bekeken materialen van het thema samen de eerste 5, ' +
      'en van de top van de maand de eerste 3 die zijn rollen mogen zien.')];
}

function issuePanel(detail, roles) {
  const issue = detail.issue;
  const status = h('p', { role: 'status', id: 'nummer-status' });
  const act = (label, path, done, confirmText, kind) => h('button', { type: 'button', class: kind, onclick: async () => {
    if (!confirm(confirmText)) return;
    try {
      await api(`/api/newsletter/issues/${issue.id}/${path}`, { method: 'POST' });
      await load(issue.id);
      announce(done);
    } catch (error) { status.textContent = reason(error); }
  } }, label);

  const intro = h('textarea', { id: 'intro', rows: 6, readonly: !open(issue.status) }, detail.introMarkdown);
  const saveIntro = async (event) => {
    event.preventDefault();
    try {
      await api(`/api/newsletter/issues/${issue.id}/intro`, { method: 'PUT', body: { markdown: intro.value } });
      status.textContent = 'De inleiding is opgeslagen.';
      showPreview();
    } catch (error) { status.textContent = 'Niet opgeslagen: ' + reason(error); }
  };

  const roleSelect = h('select', { id: 'voorbeeld-rol' }, roles.map((r) => h('option', { value: r.id }, r.label)));
  const frame = h('div', { class: 'mail-preview' });
  let previews = 0;
  const showPreview = async () => {
    // Only the latest role chosen is shown: an earlier role's answer may come in after it.
    const asked = ++previews;
    try {
      const role = encodeURIComponent(roleSelect.value);
      const preview = await api(`/api/newsletter/issues/${issue.id}/preview?role=${role}`);
      if (asked !== previews) return;
      // The mail is a whole document of its own, with its own policy (its inline styles): loaded from its own
      // address into a sandboxed frame, where nothing in it can run.
      frame.replaceChildren(h('p', null, h('strong', null, 'Onderwerp: '), preview.subject),
        h('iframe', {
          sandbox: '',
          title: `De mail zoals een ${roleSelect.selectedOptions[0].textContent} hem krijgt`,
          src: `/api/newsletter/issues/${issue.id}/preview.html?role=${role}`,
        }));
    } catch (error) {
      if (asked !== previews) return;
      frame.replaceChildren(h('p', { class: 'notice' },
        error.status === 422 ? 'Deze rol krijgt van dit nummer niets te zien en dus geen mail.' : reason(error)));
    }
  };
  roleSelect.addEventListener('change', showPreview);

  const email = h('input', { id: 'test-adres', type: 'email', required: true, autocomplete: 'email' });
  const sendTest = async (event) => {
    event.preventDefault();
    try {
      await api(`/api/newsletter/issues/${issue.id}/test`, { method: 'POST', body: { email: email.value, roles: [roleSelect.value] } });
      status.textContent = `Testmail verstuurd naar ${email.value}.`;
    } catch (error) { status.textContent = 'Geen testmail verstuurd: ' + reason(error); }
  };

  const panel = h('div', null,
    h('h2', { id: 'nummer-titel', tabindex: '-1' }, `POC-a-tizer ${monthNl(issue.month)}`),
    h('p', null, h('strong', null, 'Status: '), statuses[issue.status] ?? issue.status,
      issue.sentAt ? (issue.status === 'sent' ? ' op ' : ' · verstuurd op ') + dateNl(issue.sentAt) : '',
      // By name only: the subject (approvedBy) is a token's, no person's.
      detail.approvedBy ? ` (goedgekeurd${detail.approvedByName ? ' door ' + detail.approvedByName : ''}`
        + `${detail.approvedAt ? ' op ' + dateNl(detail.approvedAt) : ''})` : ''),
    note(issue),
    h('p', null, h('strong', null, 'In de kijker: '), issue.feature, ' · ', detail.featureReason),
    status,
    open(issue.status) && h('p', { class: 'actions' },
      act('Goedkeuren en versturen', 'approve', 'Goedgekeurd: het nummer wordt verstuurd.',
        'Dit nummer goedkeuren? Het wordt dan naar alle abonnees verstuurd.'),
      act('Annuleren', 'cancel', 'Geannuleerd.', 'Dit nummer annuleren?', 'secondary')),
    h('form', { onsubmit: saveIntro, class: 'editor' },
      h('div', { class: 'field' }, h('label', { for: 'intro' }, 'Inleiding (Markdown)'), intro),
      open(issue.status) && h('button', { type: 'submit', class: 'secondary' }, 'Inleiding opslaan')),
    sentSome(issue.status) && sendingSection(issue, (text) => { status.textContent = text; }),
    h('section', { 'aria-labelledby': 'materialen-titel' }, h('h2', { id: 'materialen-titel' }, 'Materialen in dit nummer'),
      materials(detail.composition, detail.titles)),
    h('section', { 'aria-labelledby': 'mail-titel' }, h('h2', { id: 'mail-titel' }, 'De mail'),
      h('div', { class: 'alias' }, h('label', { for: 'voorbeeld-rol' }, 'Bekijk als'), roleSelect),
      frame,
      open(issue.status) && h('form', { class: 'alias', onsubmit: sendTest }, h('label', { for: 'test-adres' }, 'Testmail naar'), email,
        h('button', { type: 'submit', class: 'secondary' }, 'Verstuur testmail'))));
  showPreview();
  return panel;
}

// After approve or cancel the panel is rebuilt: the keyboard goes back to its heading, the outcome is read out.
function announce(text) {
  document.getElementById('nummer-titel')?.focus();
  document.getElementById('nummer-status').textContent = text;
}

async function load(id) {
  const [issues, taxonomy, calendar] = await Promise.all(
    [api('/api/newsletter/issues'), api('/api/taxonomy'), api('/api/newsletter/calendar')]);
  const current = id ?? issues.find((i) => open(i.status))?.id ?? issues[0]?.id;
  const detail = current != null ? await api('/api/newsletter/issues/' + current) : null;
  titled('Nieuwsbrieven beheren');
  show(h('h1', null, 'Nieuwsbrieven beheren'),
    h('div', { class: 'material' },
      h('div', null, detail ? issuePanel(detail, taxonomy.roles) : h('p', null, 'Kies of stel een nummer samen.')),
      h('aside', null, issueList(issues, current, Object.keys(calendar.months)))),
    suppressedSection((text) => { document.getElementById('geblokkeerd-status').textContent = text; }),
    h('p', { role: 'status', id: 'geblokkeerd-status' }));
}

editorOnly().then(() => load(Number(new URLSearchParams(location.search).get('id')) || null))
  .catch((error) => show(h('h1', null, 'Nieuwsbrieven beheren'), h('p', { class: 'notice error', role: 'alert' },
    error.status === 404 ? 'Dit nummer bestaat niet.' : 'Er ging iets mis bij het laden. Probeer het opnieuw.')));
