import type { FieldType } from "@/lib/mapping";

const STYLES: Record<FieldType | "constant", string> = {
  string: "bg-sky-50 text-sky-700 ring-sky-600/20",
  number: "bg-violet-50 text-violet-700 ring-violet-600/20",
  datetime: "bg-orange-50 text-orange-700 ring-orange-600/20",
  constant: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

/** A field's type (string, number, datetime) or "constant", and whether it may be null. */
export function TypeBadge({
  type,
  isNullable = false,
}: {
  type: FieldType | "constant";
  isNullable?: boolean;
}) {
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 font-mono text-[11px] font-medium ring-1 ring-inset ${STYLES[type]}`}
      title={isNullable ? `${type}; may be null` : type}
    >
      {type}
      {isNullable ? (
        <>
          <span aria-hidden="true" className="-ml-0.5 opacity-60">
            ?
          </span>
          <span className="sr-only">, may be null</span>
        </>
      ) : null}
    </span>
  );
}
