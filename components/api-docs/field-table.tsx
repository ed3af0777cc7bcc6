import type { FieldRow } from "@/lib/api/schema-fields";

/** The fields of a request or reply: path, type, required, and what each means. */
export function FieldTable({ rows, label }: { rows: FieldRow[]; label: string }) {
  if (rows.length === 0) return null;
  return (
    <table className="w-full text-left text-xs" aria-label={label}>
      <thead className="text-ink-500">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            Field
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Type
          </th>
          <th scope="col" className="py-1 font-medium">
            Description
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-ink-100">
        {rows.map((row) => (
          <tr key={row.path} className="align-top">
            <th scope="row" className="whitespace-nowrap py-1 pr-3 font-mono font-medium text-ink-900">
              {row.path}
              {row.isRequired ? null : (
                <span className="ml-1 font-sans font-normal text-ink-500">optional</span>
              )}
            </th>
            <td className="py-1 pr-3 font-mono text-ink-700">{row.type}</td>
            <td className="py-1 text-ink-700">{row.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
