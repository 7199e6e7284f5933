// /nieuwsbrieven: the archive of sent POC-a-tizer issues.
import { api } from '../api.js';
import { h, monthNl, show, failure } from '../dom.js';
import '../shell.js';

api('/api/newsletters').then((issues) => show(
  h('h1', null, 'Nieuwsbrieven'),
  h('p', null, 'De POC-a-tizer zet een thema of kernproces in de kijker, met de materialen ervoor en, als het er een heeft, ' +
    'het aanspreekpunt van POC+.'),
  issues.length === 0 ? h('p', { class: 'notice' }, 'Er is nog geen nieuwsbrief verstuurd.')
    : h('ul', { class: 'list' }, issues.map((issue) => h('li', { class: 'card' },
      h('h2', null, h('a', { href: '/nieuwsbrieven/' + issue.month }, `POC-a-tizer ${monthNl(issue.month)}`)),
      h('p', null, `${issue.feature} in de kijker`),
      h('p', { class: 'muted' }, issue.subject))))),
(error) => show(h('h1', null, 'Nieuwsbrieven'), failure(error)));
