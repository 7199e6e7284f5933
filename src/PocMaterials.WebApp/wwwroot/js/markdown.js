// A live preview of a material's Markdown, built as elements (text is always text), so nothing an editor
// types can run. It covers what materials use (headings, paragraphs, lists, quotes, code, emphasis,
// links); the saved page is the API's own rendering.
import { h } from './dom.js';

const safeLink = (url) => /^(https?:|mailto:|tel:|\/|#)/i.test(url) ? url : null;

function inline(text) {
  const nodes = [];
  const pattern = /(\*\*([^*]+)\*\*|\*([^*]+)\*|_([^_]+)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\))/g;
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) nodes.push(text.slice(at, m.index));
    if (m[2]) nodes.push(h('strong', null, inline(m[2])));
    else if (m[3] || m[4]) nodes.push(h('em', null, inline(m[3] ?? m[4])));
    else if (m[5]) nodes.push(h('code', null, m[5]));
    else nodes.push(safeLink(m[7]) ? h('a', { href: safeLink(m[7]) }, inline(m[6])) : m[6]);
    at = m.index + m[0].length;
  }
  if (at < text.length) nodes.push(text.slice(at));
  return nodes;
}

// The body after the front matter, as preview elements.
export function preview(source) {
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
  const out = [];
  let list = null;
  let paragraph = [];
  let code = null;
  const flush = () => {
    if (paragraph.length) out.push(h('p', null, inline(paragraph.join(' '))));
    paragraph = [];
  };
  for (const line of body.split(/\r?\n/)) {
    if (code) {
      if (line.startsWith('```')) { out.push(h('pre', null, h('code', null, code.join('\n')))); code = null; } else code.push(line);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*(?:[-*+]|(\d+)[.)])\s+(.*)$/.exec(line);
    if (!item) list = null;
    if (line.startsWith('```')) { flush(); code = []; } else if (heading) { flush(); out.push(h('h' + Math.max(2, heading[1].length), null, inline(heading[2]))); } else if (item) {
      flush();
      if (!list || (list.tagName === 'OL') !== Boolean(item[1])) out.push(list = h(item[1] ? 'ol' : 'ul'));
      list.append(h('li', null, inline(item[2])));
    } else if (line.startsWith('>')) { flush(); out.push(h('blockquote', null, inline(line.replace(/^>\s?/, '')))); } else if (!line.trim()) flush();
    else paragraph.push(line.trim());
  }
  flush();
  if (code) out.push(h('pre', null, h('code', null, code.join('\n'))));
  return out;
}
