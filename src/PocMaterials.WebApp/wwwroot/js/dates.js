// Dutch dates, whatever the browser's language: shown as "14 september 2026", typed as dd-mm-jjjj (also d-m-jjjj,
// dd/mm/jjjj and "14 september 2026"), sent to the API as yyyy-MM-dd. Written out here rather than left to the
// browser: a date input and Intl without a locale follow the browser's language, not the page's.
const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
  'november', 'december'];
const pad = (n) => String(n).padStart(2, '0');

// yyyy-MM-dd, or an ISO time (its day in the browser's zone), as "14 september 2026".
export function dateNl(iso) {
  const day = iso.length === 10 ? new Date(iso + 'T12:00:00') : new Date(iso);
  return `${day.getDate()} ${months[day.getMonth()]} ${day.getFullYear()}`;
}

// An ISO time as "7 december 2026 om 14:05", in the browser's zone.
const clock = new Intl.DateTimeFormat('nl-BE', { hour: '2-digit', minute: '2-digit' });
export const momentNl = (iso) => `${dateNl(iso)} om ${clock.format(new Date(iso))}`;

// yyyy-MM as "oktober 2026".
export const monthNl = (yyyyMm) => `${months[Number(yyyyMm.slice(5, 7)) - 1]} ${yyyyMm.slice(0, 4)}`;

// The month `offset` months after that of a day (before it when negative), as yyyy-MM.
export function monthAfter(day, offset) {
  const month = new Date(day.getFullYear(), day.getMonth() + offset, 1);
  return `${month.getFullYear()}-${pad(month.getMonth() + 1)}`;
}

// A typed date as yyyy-MM-dd, or null when it is none (31-02-2026 included).
export function parseDateNl(text) {
  const typed = text.trim().toLowerCase();
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(typed);
  const written = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/.exec(typed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
  const [day, month, year] = numeric ? [numeric[1], numeric[2], numeric[3]]
    : written ? [written[1], months.indexOf(written[2]) + 1, written[3]]
      : iso ? [iso[3], iso[2], iso[1]] : [0, 0, 0];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (!Number(month) || date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

// yyyy-MM-dd as typed: dd-mm-jjjj.
export const typedNl = (iso) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
