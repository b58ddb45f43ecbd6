// The process view's walk table: one row per level with the entry's bits decoded, and the sentence of its end.

const yes = b => b ? '✔' : '';

/** The rows of the walk's table: level, index and bits, entry, the decoded bits, swap entry, next table. */
export function levelRows(w) {
  return w.levels.map(l => [
    l.level,
    l.index + ' (' + l.bits + ')',
    l.entry,
    l.present ? 'present' : (l.swap ? 'no (swap)' : 'no'),
    yes(l.rw), yes(l.user), yes(l.accessed), yes(l.dirty), yes(l.nx), yes(l.pse),
    l.swap ? 'type ' + l.swapType + ' / offset ' + l.swapOffset : '',
    l.nextTable || '',
  ]);
}

/** Where the walk ended, with the page's sharing: copy-on-write after fork, the zero page, a swap entry. */
export function endText(w) {
  if (w.end === 'none') return 'Not mapped: the walk stops at an empty entry (a fault would fill it).';
  if (w.end === 'swap') {
    const l = w.levels[w.levels.length - 1];
    return 'Swapped out: the entry is not present and holds swap type ' + l.swapType + ', offset ' + l.swapOffset
      + '; a touch is a major fault that reads it back.';
  }
  if (w.end === 'out of range') return 'Not an address of this paging mode.';
  const size = w.pageSize === 4096 ? '4 KiB' : w.pageSize === 2097152 ? '2 MiB' : w.pageSize + ' B';
  let s = size + ' page at ' + w.pagePhys + ', physical address ' + w.physAddr + '; mapcount ' + w.mapcount
    + ', refcount ' + w.refcount + '.';
  if (w.zeroPage) s += ' The zero page: a write faults and allocates a private page.';
  if (w.cowShared) {
    s += ' Copy-on-write shared (after fork): write-protected in a writable private mapping and mapped '
      + w.mapcount + ' times; a write copies it (wp_page_copy).';
  }
  return s;
}
