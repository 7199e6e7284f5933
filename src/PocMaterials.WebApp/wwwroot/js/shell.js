// What every page shares: who is signed in, the menu (editors get their links) and signing out.
import { api, useCsrfToken } from './api.js';
import { h } from './dom.js';

// Editor pages add their links here; only editors see them.
const editorLinks = [{ href: '/hangfire', text: 'Taken' }];

function markCurrent() {
  for (const link of document.querySelectorAll('#menu a')) {
    const href = link.getAttribute('href');
    if (location.pathname === href || location.pathname.startsWith(href + '/')) link.setAttribute('aria-current', 'page');
  }
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
    h('form', { method: 'post', action: '/afmelden' },
      h('input', { type: 'hidden', name: '__RequestVerificationToken', value: me.csrfToken ?? '' }),
      h('button', { type: 'submit' }, 'Afmelden')));
  return me;
}

markCurrent();
export const session = api('/api/me').then(showUser);
