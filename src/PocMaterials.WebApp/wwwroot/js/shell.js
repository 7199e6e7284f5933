// What every page shares: who is signed in, the menu (editors get their links) and signing out.
import { api, useCsrfToken } from './api.js';
import { h, show } from './dom.js';

// Editor pages add their links here; only editors see them.
const editorLinks = [
  { href: '/redactie', text: 'Redactie' },
  { href: '/redactie/nieuwsbrieven', text: 'Nieuwsbrieven beheren' },
  { href: '/redactie/vragen', text: 'Vragen' },
  { href: '/redactie/jaarverslag', text: 'Jaarverslag' },
  { href: '/hangfire', text: 'Taken' },
];

// The longest menu address the page is under is the current one (/redactie/nieuwsbrieven, not /redactie).
function markCurrent() {
  const under = [...document.querySelectorAll('#menu a')].filter((link) => {
    const href = link.getAttribute('href');
    return location.pathname === href || location.pathname.startsWith(href + '/');
  });
  under.sort((a, b) => b.getAttribute('href').length - a.getAttribute('href').length);
  for (const link of document.querySelectorAll('#menu a[aria-current]')) link.removeAttribute('aria-current');
  under[0]?.setAttribute('aria-current', 'page');
}

function showUser(me) {
  useCsrfToken(me.csrfToken);
  if (me.editor) {
    document.getElementById('menu').append(...editorLinks.map((l) => h('li', null, h('a', { href: l.href }, l.text))));
    markCurrent();
  }
  const who = [me.name ?? me.roles.map((r) => r.label).join(', '), me.centre?.label].filter(Boolean).join(' · ');
  document.getElementById('gebruiker').replaceChildren(
    h('span', null, who),
    // What this tab kept of the session (search answers) goes with it.
    h('form', { method: 'post', action: '/afmelden', onsubmit: () => sessionStorage.clear() },
      h('input', { type: 'hidden', name: '__RequestVerificationToken', value: me.csrfToken ?? '' }),
      h('button', { type: 'submit' }, 'Afmelden')));
  return me;
}

markCurrent();
export const session = api('/api/me').then(showUser);

// Editor pages wait for this: the signed-in editor, or for anyone else a clear refusal in place of the
// page and a promise that never settles, so the page goes no further (the API refuses them anyway).
export const editorOnly = () => session.then((me) => {
  if (me.editor) return me;
  show(h('h1', null, 'Geen toegang'),
    h('p', { class: 'notice error', role: 'alert' }, 'Deze pagina is alleen voor redacteurs van POC+. Je rol geeft geen toegang.'),
    h('p', null, h('a', { href: '/zoeken' }, 'Naar zoeken')));
  return new Promise(() => {});
});
