/**
 * Parses a Retry-After header (delay-seconds or HTTP-date) into milliseconds from `now`.
 * Returns undefined when absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: Date | number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  // A header sent twice arrives joined ("120, 120"): the longest wait.
  if (/^\d+(\s*,\s*\d+)*$/.test(text)) return Math.max(...text.split(",").map(Number)) * 1000;
  // Only the HTTP-date forms (RFC 9110: IMF-fixdate, RFC 850 and asctime, which is GMT without saying so);
  // Date.parse would also accept "5" or "tomorrow-ish" strings.
  const isAsctime = /^[A-Za-z]{3}\s+[A-Za-z]{3}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4}$/.test(text);
  if (
    !isAsctime &&
    !/^[A-Za-z]{3,9},?\s+\d{1,2}[ -][A-Za-z]{3}[ -]\d{2,4}\s+\d{2}:\d{2}:\d{2}\s+GMT$/.test(text)
  ) {
    return undefined;
  }
  const at = Date.parse(isAsctime ? `${text} GMT` : text);
  if (Number.isNaN(at)) return undefined;
  const from = typeof now === "number" ? now : now.getTime();
  return Math.max(0, at - from);
}
