// Text PostgreSQL can store: no NUL character, no lone UTF-16 surrogate. Client-safe.

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = new RegExp(
  `${String.fromCharCode(0)}|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`,
);
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, "g");

/** Whether a string can be stored as it is (no NUL, no lone surrogate). */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** Text from outside (a receiver's body, headers, an error) made storable: NUL and lone surrogates become U+FFFD. */
export function toStorableText(text: string): string {
  return isStorableText(text) ? text : text.replace(UNSTORABLE_ALL, "\uFFFD");
}

/** The path of the first string inside a value that cannot be stored, or null when every string can. */
export function findUnstorableText(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[] | null {
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findUnstorableText(v, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = isStorableText(k) ? findUnstorableText(v, [...path, k]) : [...path, k];
      if (found) return found;
    }
  }
  return null;
}
