import type { ReactNode } from "react";

/** The title and hint above an editable list of rows; `id` labels the list. */
export function ListHeading({ id, title, hint }: { id: string; title: string; hint: ReactNode }) {
  return (
    <>
      <p className="text-sm font-medium text-slate-800" id={id}>
        {title} <span className="font-normal text-slate-500">(optional)</span>
      </p>
      <p className="mt-0.5 text-xs text-slate-500">{hint}</p>
    </>
  );
}
