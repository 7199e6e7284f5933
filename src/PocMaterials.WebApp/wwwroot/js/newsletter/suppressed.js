// The addresses no issue is sent to because their mails bounced or their reader complained, with the reason and the
// receiving server's answer; an editor sends to one again once its mailbox works.
import { api, problemText } from '../api.js';
import { h } from '../dom.js';
import { momentNl } from '../dates.js';

const reasons = {
  'hard-bounce': 'bestaat niet (meer) of weigert voorgoed',
  'soft-bounces': 'kwam herhaaldelijk niet aan',
  complaint: 'de lezer meldde de mail als spam',
};

export function suppressedSection(announce) {
  const section = h('section', { 'aria-labelledby': 'geblokkeerd-titel' },
    h('h2', { id: 'geblokkeerd-titel' }, 'Geblokkeerde adressen'));
  const reactivate = async (address, item) => {
    if (!confirm(`${address.email} opnieuw de nieuwsbrief sturen? Doe dit alleen als het adres weer werkt.`)) return;
    try {
      await api(`/api/newsletter/suppressed/${address.subscriberId}/reactivate`, { method: 'POST' });
      item.remove();
      announce(`${address.email} krijgt het volgende nummer weer.`);
    } catch (error) { announce('Niet opnieuw geactiveerd: ' + problemText(error, 'probeer het opnieuw.')); }
  };
  (async () => {
    const page = await api('/api/newsletter/suppressed?pageSize=200');
    if (page.total === 0) {
      section.append(h('p', { class: 'muted' }, 'Geen: nog geen enkele mail kwam voorgoed terug of werd als spam gemeld.'));
      return;
    }
    section.append(h('p', null, `${page.total === 1 ? '1 adres krijgt' : page.total + ' adressen krijgen'} geen nummers meer: `
      + 'hun mails kwamen terug of werden als spam gemeld. Een import zet ze niet terug.'),
      h('ul', { class: 'list' }, page.addresses.map((address) => {
        const button = h('button', { type: 'button', class: 'secondary' }, 'Opnieuw activeren');
        const item = h('li', null, h('strong', null, address.email), ` · ${reasons[address.reason] ?? 'geblokkeerd'}`,
          ` · sinds ${momentNl(address.suppressedAt)}`,
          address.diagnostic && h('div', { class: 'muted' }, 'Antwoord van de mailserver: ', address.diagnostic), ' ', button);
        button.addEventListener('click', () => reactivate(address, item));
        return item;
      })));
  })().catch((error) => section.append(h('p', { class: 'notice error' },
    'De geblokkeerde adressen konden niet geladen worden: ' + problemText(error, 'probeer het opnieuw.'))));
  return section;
}
