// "Did you mean ...?" for misspelt transform, field and zone names.

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The known name closest to `input` (case-insensitive), if any is close enough to be a likely typo. */
export function nearest(input: string, names: readonly string[]): string | undefined {
  const needle = input.trim().toLowerCase();
  if (needle === "" || needle.length > 64) return undefined;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const candidate = name.toLowerCase();
    // A prefix ("lower" for "lowercase") or a last part ("email" for "user.email") is as good as one typo.
    const isPart =
      needle.length >= 3 &&
      (candidate.startsWith(needle) || candidate.endsWith(`.${needle}`) || candidate.endsWith(`/${needle}`));
    const score = isPart ? 1 : distance(needle, candidate);
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(needle.length / 3)));
  return bestScore <= limit ? best : undefined;
}
