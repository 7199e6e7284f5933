// /nieuwsbrieven: the archive of sent POC-a-tizer issues.
import { api } from '../api.js';
import { h, monthNl, show, failure } from '../dom.js';
import '../shell.js';

api('/api/newsletters').then((issues) => show(
  h('h1', null, 'Nieuwsbrieven'),
  h('p', null, 'Elke maand zet de POC-a-tizer een thema in de kijker, met zijn materialen en aanspreekpunt.'),
  issues.length === 0 ? h('p', { class: 'notice' }, 'Er is nog geen nieuwsbrief verstuurd.')
    : h('ul', { class: 'list' }, issues.map((issue) => h('li', { class: 'card' },
      h('h2', null, h('a', { href: '/nieuwsbrieven/' + issue.month }, `POC-a-tizer ${monthNl(issue.month)}`)),
      h('p', null, `${issue.feature} in de kijker`),
      h('p', { class: 'muted' }, issue.subject))))),
(error) => show(h('h1', null, 'Nieuwsbrieven'), failure(error)));
