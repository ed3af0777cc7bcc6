"use client";

import { useState } from "react";
import type { ConstValue, MappingEntry } from "@/lib/mapping";
import { FIELD_GROUPS, fieldInfo } from "./field-groups";
import { TypeBadge } from "./type-badge";

const CONSTANT = "__constant__";
type ConstKind = "text" | "number" | "true" | "false" | "null";

function kindOf(value: ConstValue): ConstKind {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  return typeof value === "number" ? "number" : "text";
}

function constantFor(kind: ConstKind, previous: ConstValue): ConstValue {
  switch (kind) {
    case "text":
      return previous === null ? "" : String(previous);
    case "number": {
      const n = typeof previous === "string" ? Number(previous) : Number.NaN;
      return typeof previous === "number" ? previous : Number.isFinite(n) && previous !== "" ? n : 0;
    }
    case "true":
      return true;
    case "false":
      return false;
    case "null":
      return null;
    default: {
      const unhandled: never = kind;
      return unhandled;
    }
  }
}

/** Where a key's value comes from: an LMS field (grouped menu) or a constant (text, number, true/false, null). */
export function KeySource({
  source,
  name,
  isDisabled,
  isInvalid,
  onChange,
}: {
  source: MappingEntry["source"];
  name: string;
  isDisabled: boolean;
  isInvalid: boolean;
  onChange: (source: MappingEntry["source"]) => void;
}) {
  const isField = typeof source === "string";
  const field = isField ? fieldInfo(source) : undefined;
  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
      <select
        aria-label={`Source of ${name}`}
        value={isField ? source : CONSTANT}
        disabled={isDisabled}
        aria-invalid={isInvalid || undefined}
        onChange={(e) => onChange(e.target.value === CONSTANT ? { const: "" } : e.target.value)}
        className={`input w-auto max-w-[14.5rem] min-w-0 py-1.5 pr-8 font-mono text-xs ${isInvalid ? "ring-red-400" : ""}`}
      >
        {isField && !field ? <option value={source}>{source} (unknown field)</option> : null}
        {FIELD_GROUPS.map((g) => (
          <optgroup key={g.prefix} label={g.title}>
            {g.fields.map((f) => (
              <option key={f.name} value={f.name}>
                {f.name}
              </option>
            ))}
          </optgroup>
        ))}
        <option value={CONSTANT}>Constant value…</option>
      </select>
      {field ? <TypeBadge type={field.type} isNullable={field.nullable} /> : null}
      {!isField ? (
        <ConstantEditor
          value={source.const}
          name={name}
          isDisabled={isDisabled}
          onChange={(v) => onChange({ const: v })}
        />
      ) : null}
    </div>
  );
}

function ConstantEditor({
  value,
  name,
  isDisabled,
  onChange,
}: {
  value: ConstValue;
  name: string;
  isDisabled: boolean;
  onChange: (value: ConstValue) => void;
}) {
  const kind = kindOf(value);
  // A number is typed as text, so "-" or "1." on the way to a number is not thrown away.
  const [draft, setDraft] = useState(kind === "number" ? String(value) : "");
  return (
    <>
      <select
        aria-label={`Constant type of ${name}`}
        value={kind}
        disabled={isDisabled}
        onChange={(e) => {
          const next = constantFor(e.target.value as ConstKind, value);
          if (typeof next === "number") setDraft(String(next));
          onChange(next);
        }}
        className="input w-auto py-1.5 pr-8 text-xs"
      >
        <option value="text">text</option>
        <option value="number">number</option>
        <option value="true">true</option>
        <option value="false">false</option>
        <option value="null">null</option>
      </select>
      {kind === "text" ? (
        <input
          aria-label={`Constant text of ${name}`}
          value={String(value)}
          disabled={isDisabled}
          onChange={(e) => onChange(e.target.value)}
          className="input w-40 py-1.5 font-mono text-xs"
        />
      ) : null}
      {kind === "number" ? (
        <input
          aria-label={`Constant number of ${name}`}
          inputMode="decimal"
          value={draft}
          disabled={isDisabled}
          onChange={(e) => {
            setDraft(e.target.value);
            const n = Number(e.target.value);
            if (e.target.value.trim() !== "" && Number.isFinite(n)) onChange(n);
          }}
          className="input w-28 py-1.5 font-mono text-xs"
        />
      ) : null}
      <TypeBadge type="constant" />
    </>
  );
}
