// The difference between two texts as rows side by side: lines by a longest common subsequence, and within a
// changed line the words, so a page can mark exactly what changed. Pure functions, no page.

// Past this many cells the table would take seconds: the middle of two very different texts is one change.
const maxCells = 4_000_000;
// Unchanged lines kept around a change; longer runs of them fold into one row.
const context = 3;

// The steps from a to b: 'same', 'del' (only in a) and 'ins' (only in b), in order.
function steps(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const n = endA - start;
  const m = endB - start;
  const middle = [];
  if (n * m > maxCells) {
    for (let i = start; i < endA; i++) middle.push('del');
    for (let j = start; j < endB; j++) middle.push('ins');
  } else {
    // common[i * (m + 1) + j]: the longest common subsequence of a's middle from i and b's from j.
    const common = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        common[i * (m + 1) + j] = a[start + i] === b[start + j]
          ? common[(i + 1) * (m + 1) + j + 1] + 1
          : Math.max(common[(i + 1) * (m + 1) + j], common[i * (m + 1) + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) { middle.push('same'); i++; j++; }
      else if (j >= m || (i < n && common[(i + 1) * (m + 1) + j] >= common[i * (m + 1) + j + 1])) { middle.push('del'); i++; }
      else { middle.push('ins'); j++; }
    }
  }
  const same = (count) => Array.from({ length: count }, () => 'same');
  return [...same(start), ...middle, ...same(a.length - endA)];
}

// Words, runs of spaces and single signs: the units a changed line is compared in.
const words = (line) => line.match(/[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu) ?? [];

// A changed line pair as parts: [{ text, changed }] for each side, neighbours of one kind joined.
export function wordParts(before, after) {
  const a = words(before);
  const b = words(after);
  const left = [];
  const right = [];
  const add = (parts, text, changed) => {
    const last = parts[parts.length - 1];
    if (last && last.changed === changed) last.text += text;
    else parts.push({ text, changed });
  };
  let i = 0;
  let j = 0;
  for (const step of steps(a, b)) {
    if (step === 'same') { add(left, a[i++], false); add(right, b[j++], false); }
    else if (step === 'del') add(left, a[i++], true);
    else add(right, b[j++], true);
  }
  return { left, right };
}

const whole = (text, changed) => [{ text, changed }];

// Rows side by side: { kind: 'same' | 'change' | 'del' | 'ins', left, right } with each side { number, parts }
// or null; runs of unchanged lines far from a change become { kind: 'skip', count }.
export function sideBySide(oldText, newText) {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const rows = [];
  let i = 0;
  let j = 0;
  let removed = [];
  let added = [];
  // A run of removed and added lines: paired line by line, the words of each pair compared.
  const flush = () => {
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const [l, r] = [removed[k], added[k]];
      if (l !== undefined && r !== undefined) {
        const { left, right } = wordParts(a[l], b[r]);
        rows.push({ kind: 'change', left: { number: l + 1, parts: left }, right: { number: r + 1, parts: right } });
      } else if (l !== undefined) rows.push({ kind: 'del', left: { number: l + 1, parts: whole(a[l], true) }, right: null });
      else rows.push({ kind: 'ins', left: null, right: { number: r + 1, parts: whole(b[r], true) } });
    }
    removed = [];
    added = [];
  };
  for (const step of steps(a, b)) {
    if (step === 'del') removed.push(i++);
    else if (step === 'ins') added.push(j++);
    else {
      flush();
      rows.push({ kind: 'same', left: { number: i + 1, parts: whole(a[i], false) }, right: { number: j + 1, parts: whole(b[j], false) } });
      i++;
      j++;
    }
  }
  flush();
  return folded(rows);
}

function folded(rows) {
  const near = rows.map(() => false);
  rows.forEach((row, k) => {
    if (row.kind === 'same') return;
    for (let d = Math.max(0, k - context); d <= Math.min(rows.length - 1, k + context); d++) near[d] = true;
  });
  const result = [];
  let skipped = 0;
  rows.forEach((row, k) => {
    if (near[k]) {
      if (skipped) result.push({ kind: 'skip', count: skipped });
      skipped = 0;
      result.push(row);
    } else skipped++;
  });
  if (skipped) result.push({ kind: 'skip', count: skipped });
  return result;
}
