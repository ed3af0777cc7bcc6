import { formatDateTime, formatUtc } from "@/lib/format";
import { timeAgo } from "@/lib/integrations/time-ago";

/** "5 minutes ago", with the exact time (the viewer's, then UTC) on hover and for machines. */
export function RelativeTime({ value, empty }: { value: string | Date | null; empty: string }) {
  if (!value) return <span>{empty}</span>;
  const iso = new Date(value).toISOString();
  return (
    <time dateTime={iso} title={`${formatDateTime(value)} · ${formatUtc(value)}`}>
      {timeAgo(value)}
    </time>
  );
}
