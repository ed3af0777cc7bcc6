"use client";

import { useIsClient } from "@/components/settings-form/use-is-client";
import { formatDateTime, formatDay, formatPrecise, formatUtc } from "@/lib/format";

/**
 * A point in time in the viewer's locale and time zone, with UTC on hover. The server (and hydration) writes the
 * UTC form, as it cannot know the viewer's zone; the browser then writes the local one.
 */
export function DateTime({
  value,
  dateOnly = false,
  precise = false,
  className,
}: {
  value: string | Date;
  dateOnly?: boolean;
  /** To the second, with the zone named: where it is lined up with another system's log. */
  precise?: boolean;
  className?: string;
}) {
  const isClient = useIsClient();
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return <span className={className}>{String(value)}</span>;
  const utc = formatUtc(d);
  const text = !isClient ? utc : dateOnly ? formatDay(d) : precise ? formatPrecise(d) : formatDateTime(d);
  return (
    <time dateTime={d.toISOString()} title={utc} className={className}>
      {text}
    </time>
  );
}
