// The reasons of a "no", as the API names them, and their Dutch words: one list for the vote and the editors' reports.
export const reasons = [
  ['verouderd', 'Verouderd'],
  ['onvolledig', 'Onvolledig'],
  ['niet-wat-ik-zocht', 'Niet wat ik zocht'],
  ['onduidelijk', 'Onduidelijk'],
];

export const reasonLabel = (id) => reasons.find(([value]) => value === id)?.[1] ?? id;

export const maxComment = 500;
