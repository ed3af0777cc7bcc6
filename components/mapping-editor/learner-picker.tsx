"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useId, useState } from "react";
import type { LearnerOutput } from "@/lib/learners/schemas";
import { queryKeys } from "@/lib/query/keys";
import { OptionList } from "./option-list";
import { useDebounced } from "./use-debounced";
import { fetchLearners } from "./use-preview-source";

/** Finds a learner by user name, e-mail or name (a combobox over `GET /api/learners?q=`). */
export function LearnerPicker({ onSelect }: { onSelect: (userName: string) => void }) {
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState("");
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(query.trim(), 200);
  const results = useQuery({
    queryKey: queryKeys.learnerSearch(q),
    queryFn: () => fetchLearners(q),
    enabled: isOpen,
    placeholderData: keepPreviousData,
  });
  const learners = results.data ?? [];
  const choose = (l: LearnerOutput) => {
    onSelect(l.userName);
    setQuery("");
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(learners.length - 1, a + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === "Enter" && isOpen) {
      const l = learners[active] ?? (learners.length === 1 ? learners[0] : undefined);
      if (l) {
        e.preventDefault();
        choose(l);
      }
    } else if (e.key === "Escape") setOpen(false);
  };
  return (
    <div className="relative">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        Find a learner
      </label>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-activedescendant={isOpen && active >= 0 ? `${listId}-${active}` : undefined}
        value={query}
        placeholder="User name or e-mail"
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="input mt-1 py-1.5"
      />
      <OptionList
        id={listId}
        label="Learners"
        items={learners}
        active={active}
        isOpen={isOpen}
        itemKey={(l) => l.userName}
        onPick={choose}
        onHover={setActive}
        empty={results.isFetching ? "Searching…" : `No learner matches “${q}”.`}
      >
        {(l) => (
          <>
            <span className="block text-sm font-medium text-slate-900">
              {l.firstName} {l.lastName}
            </span>
            <span className="block truncate font-mono text-slate-500">
              {l.userName} · {l.email} · {l.completionCount}{" "}
              {l.completionCount === 1 ? "completion" : "completions"}
            </span>
          </>
        )}
      </OptionList>
    </div>
  );
}
