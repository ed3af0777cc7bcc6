"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useId, useState } from "react";
import type { LearnerOutput } from "@/lib/learners/schemas";
import { queryKeys } from "@/lib/query/keys";
import { OptionList } from "./option-list";
import { useDebounced } from "./use-debounced";
import { fetchLearners } from "./use-preview-source";

/** A list of names ("anne, bjorn") split where the last one starts, the one being typed. */
export function lastName(list: string): { head: string; last: string } {
  const at = Math.max(list.lastIndexOf(","), list.lastIndexOf(";"), list.lastIndexOf(" ")) + 1;
  return { head: list.slice(0, at), last: list.slice(at) };
}

/** The list with the name being typed replaced by a chosen one, ready for the next. */
export function withChosen(list: string, userName: string): string {
  const { head } = lastName(list);
  return `${head.replace(/[\s,;]*$/, "")}${head.trim() === "" ? "" : ", "}${userName}, `;
}

type ListMode = { value: string; onChange: (value: string) => void };

/**
 * Finds a learner by user name, e-mail or name (a combobox over `GET /api/learners?q=`). Alone it picks one
 * (`onSelect`); given `list`, the box holds several names and completes the last one typed.
 */
export function LearnerPicker({
  onSelect,
  list,
  label = "Find a learner",
  hint,
}: {
  onSelect?: (userName: string) => void;
  list?: ListMode;
  label?: string;
  hint?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [single, setSingle] = useState("");
  const text = list ? list.value : single;
  const typed = (list ? lastName(text).last : text).trim();
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(typed, 200);
  const results = useQuery({
    queryKey: queryKeys.learnerSearch(q),
    queryFn: () => fetchLearners(q),
    enabled: isOpen,
    placeholderData: keepPreviousData,
  });
  const learners = results.data ?? [];
  // A name typed in full needs no suggestions (and the list would cover what follows the box).
  const isExact =
    list !== undefined &&
    typed !== "" &&
    learners.some((l) => [l.userName, l.email].some((n) => n.toLowerCase() === typed.toLowerCase()));
  const isShown = isOpen && !isExact && (list === undefined || typed !== "");
  const setText = (value: string) => (list ? list.onChange(value) : setSingle(value));
  const choose = (l: LearnerOutput) => {
    onSelect?.(l.userName);
    setText(list ? withChosen(text, l.userName) : "");
    if (!list) setOpen(false);
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
    } else if (e.key === "Enter" && isShown) {
      const l = learners[active] ?? (learners.length === 1 && !list ? learners[0] : undefined);
      if (l) {
        e.preventDefault();
        choose(l);
      }
    } else if (e.key === "Escape") setOpen(false);
  };
  return (
    <div className="relative">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type={list ? "text" : "search"}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isShown}
        aria-controls={listId}
        aria-activedescendant={isShown && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={hint ? hintId : undefined}
        value={text}
        placeholder={list ? "anne, bjorn.hansen12" : "User name or e-mail"}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="input mt-1 py-1.5"
      />
      {hint ? (
        <span id={hintId} className="mt-1 block text-xs font-normal text-slate-500">
          {hint}
        </span>
      ) : null}
      <OptionList
        id={listId}
        label="Learners"
        items={learners}
        active={active}
        isOpen={isShown}
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
