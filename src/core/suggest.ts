/** Closest-name suggestions for typos: "decalre" → "declare", "Campaign Mgmt" → "Campaign Management". */

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Up to `limit` candidates that resemble `input`, best first: a candidate containing the input
 * (or contained in it) ranks before mere edit-distance neighbours. Case is ignored.
 */
export function closest(input: string, candidates: readonly string[], limit = 3): string[] {
  const needle = input.trim().toLowerCase();
  if (!needle) return [];
  const scored = candidates.map((candidate) => {
    const hay = candidate.toLowerCase();
    // An abbreviation ("Campaign Mgmt") is nearer the start of the long name than the whole of it.
    const prefix = needle.length >= 4 && hay.length > needle.length ? editDistance(needle, hay.slice(0, needle.length)) + 1 : Infinity;
    const distance = Math.min(editDistance(needle, hay), prefix);
    const contains = hay.includes(needle) || needle.includes(hay);
    return { candidate, score: contains ? distance / 4 : distance };
  });
  const tolerance = Math.max(2, Math.ceil(needle.length / 2));
  return scored
    .filter((s) => s.score <= tolerance)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function quotedChoices(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
