// /themas: every theme with its contact and how many materials the reader may see.
import { api } from '../api.js';
import { h, show, failure } from '../dom.js';
import '../shell.js';

api('/api/themes').then((themes) => show(
  h('h1', null, "Thema's"),
  h('ul', { class: 'grid' }, themes.map((theme) => h('li', { class: 'card' },
    h('h2', null, h('a', { href: '/themas/' + encodeURIComponent(theme.id) }, theme.title)),
    h('p', { class: 'muted' }, theme.materialCount === 1 ? '1 materiaal' : `${theme.materialCount} materialen`),
    theme.contact && h('p', null, 'Aanspreekpunt: ', theme.contact.name))))),
(error) => show(h('h1', null, "Thema's"), failure(error)));
