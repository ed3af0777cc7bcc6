// The one way the app writes a point in time for people: the viewer's locale and time zone, with UTC for hovering.

/** Who reads the date: a locale and an IANA time zone; unset means the viewer's own (the browser's). */
export type DateViewer = { locale?: string; timeZone?: string };
type Style = "dateTime" | "precise" | "date";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: Style, viewer: DateViewer): Intl.DateTimeFormat {
  const id = `${style}|${viewer.locale ?? ""}|${viewer.timeZone ?? ""}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(viewer.locale, {
      dateStyle: "medium",
      // "precise": seconds and the zone's name, for lining a log up with another system's ("13:42:05 CET").
      ...(style === "date" ? {} : { timeStyle: style === "precise" ? "long" : "short" }),
      ...(viewer.timeZone ? { timeZone: viewer.timeZone } : {}),
    });
    formatters.set(id, f);
  }
  return f;
}

function toDate(value: string | Date): Date | null {
  const d = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A timestamp as people read it: the viewer's locale and time zone ("1 Dec 2026, 13:42", "Dec 1, 2026, 1:42 PM"). */
export function formatDateTime(value: string | Date, viewer: DateViewer = {}): string {
  const d = toDate(value);
  return d ? formatter("dateTime", viewer).format(d) : String(value);
}

/** A timestamp to the second, with its zone named ("1 Dec 2026, 13:42:05 CET"): for log entries. */
export function formatPrecise(value: string | Date, viewer: DateViewer = {}): string {
  const d = toDate(value);
  return d ? formatter("precise", viewer).format(d) : String(value);
}

/** A day as people read it (a certificate's last day), in the viewer's locale and time zone. */
export function formatDay(value: string | Date, viewer: DateViewer = {}): string {
  const d = toDate(value);
  return d ? formatter("date", viewer).format(d) : String(value);
}

/** The same moment in UTC, to the second, for the hover title and for comparing with logs: "2026-12-01 12:42:05 UTC". */
export function formatUtc(value: string | Date): string {
  const d = toDate(value);
  return d ? `${d.toISOString().slice(0, 19).replace("T", " ")} UTC` : String(value);
}

/**
 * A datetime-local input's value (the browser's zone) as ISO 8601 UTC. As the end of a range it is the last
 * millisecond the input shows: "to 14:30" keeps an entry at 14:30:12 (the input has no seconds, the log does).
 */
export function fromLocalInput(value: string, edge: "start" | "end" = "start"): string {
  const at = new Date(value);
  if (edge === "end")
    at.setTime(at.getTime() + (/T\d{2}:\d{2}$/.test(value) ? 59_999 : /:\d{2}$/.test(value) ? 999 : 0));
  return at.toISOString();
}

/** A date as a datetime-local input value (`YYYY-MM-DDTHH:mm`) in the browser's time zone; "" for no date. */
export function toLocalInput(value: Date | string): string {
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
