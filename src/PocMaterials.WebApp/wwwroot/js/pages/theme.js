// /themas/{id}: a theme's introduction, contact person and materials.
import { api } from '../api.js';
import { h, safeHtml, dateNl, materialPage, show, titled, contactCard, failure } from '../dom.js';
import '../shell.js';

const id = decodeURIComponent(location.pathname.split('/')[2] ?? '');

api('/api/themes/' + encodeURIComponent(id)).then((theme) => {
  titled(theme.title);
  const intro = h('div', { class: 'body' });
  intro.append(safeHtml(theme.introHtml));
  show(
    h('h1', null, theme.title),
    // Decorative: the title says what the theme is.
    theme.image && h('img', { class: 'theme-image', src: theme.image, alt: '' }),
    h('div', { class: 'material' },
      h('div', null, intro,
        h('h2', null, 'Materialen'),
        theme.materials.length === 0 ? h('p', null, 'Nog geen materialen voor jouw rol.')
          : h('ul', { class: 'list' }, theme.materials.map((m) => h('li', { class: 'card' },
            h('a', { href: materialPage(m.slug) }, m.title),
            h('p', { class: 'muted' }, [m.type.label, m.updated && `bijgewerkt ${dateNl(m.updated)}`].filter(Boolean).join(' · ')),
            m.summary && h('p', null, m.summary))))),
      h('aside', { 'aria-label': 'Over dit thema' }, contactCard(theme.contact),
        h('p', null, h('a', { href: '/zoeken?theme=' + encodeURIComponent(theme.id) }, 'Zoeken binnen dit thema')))));
}, (error) => show(h('h1', null, 'Thema'), failure(error)));
