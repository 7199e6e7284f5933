// /nieuwsbrieven/{yyyy-MM}: one issue as the reader's roles see it; its material links open the pages
// with source=newsletter, whatever host the mail's links were made for.
import { api } from '../api.js';
import { h, safeHtml, monthNl, pageOf, show, titled, failure } from '../dom.js';
import '../shell.js';

const month = location.pathname.split('/')[2] ?? '';

api('/api/newsletters/' + encodeURIComponent(month)).then((issue) => {
  titled(`POC-a-tizer ${monthNl(issue.month)}`);
  const content = safeHtml(issue.html);
  for (const link of content.querySelectorAll('a[href]')) {
    const url = new URL(link.getAttribute('href'), location.origin);
    if (url.pathname.startsWith('/materials/')) link.setAttribute('href', pageOf(url.pathname + url.search, { source: 'newsletter' }));
  }
  show(h('p', null, h('a', { href: '/nieuwsbrieven' }, '← Alle nieuwsbrieven')), h('div', { class: 'newsletter' }, content));
  // The issue brings its own h1 ("... in de kijker").
}, (error) => show(h('h1', null, 'Nieuwsbrief'), failure(error)));
