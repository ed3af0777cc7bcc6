"use client";

import { type KeyboardEvent, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { applySuggestion, type ChainSuggestion, knownTimeZones, suggestChain } from "./chain-suggest";
import { OptionList } from "./option-list";

const CARET_KEYS = ["ArrowLeft", "ArrowRight", "Home", "End"];

/**
 * A transform chain input with autocomplete (a combobox): transform names where a step's name is typed,
 * arguments after its colon. ↓/↑ choose, Enter takes, Escape closes, Ctrl+Space opens.
 */
export function ChainInput({
  value,
  onChange,
  label,
  isDisabled,
  isInvalid,
  describedBy,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  isDisabled: boolean;
  isInvalid: boolean;
  describedBy?: string;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  // The caret while the suggestions are wanted; null while they are closed.
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(-1);
  const pendingCaret = useRef<number | null>(null);

  const suggestions = useMemo(
    () => (caret === null ? [] : suggestChain(value, caret, knownTimeZones())),
    [value, caret],
  );
  const isOpen = suggestions.length > 0;

  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null) return;
    pendingCaret.current = null;
    inputRef.current?.setSelectionRange(at, at);
  });

  // Opens (or follows) the list at the caret; called on typing, clicks and caret keys, not on every selection event.
  const open = () => setCaret(inputRef.current?.selectionStart ?? value.length);
  const accept = (s: ChainSuggestion) => {
    const next = applySuggestion(value, s);
    pendingCaret.current = next.caret;
    onChange(next.chain);
    setCaret(next.caret);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === " " && e.ctrlKey) {
      e.preventDefault();
      open();
    } else if (e.key === "ArrowDown" && isOpen) {
      e.preventDefault();
      setActive((a) => (a + 1) % suggestions.length);
    } else if (e.key === "ArrowUp" && isOpen) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? suggestions.length - 1 : a - 1));
    } else if (e.key === "Enter" && isOpen && active >= 0) {
      e.preventDefault();
      const s = suggestions[active];
      if (s) accept(s);
    } else if (e.key === "Escape" && isOpen) {
      e.preventDefault();
      setCaret(null);
      setActive(-1);
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="relative">
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-activedescendant={isOpen && active >= 0 ? optionId(active) : undefined}
        aria-invalid={isInvalid || undefined}
        aria-describedby={describedBy}
        value={value}
        disabled={isDisabled}
        spellCheck={false}
        autoComplete="off"
        placeholder={isDisabled ? "no transforms" : "transforms, e.g. statusMap:100=passed,0=failed"}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setActive(-1);
        }}
        onClick={open}
        onKeyUp={(e) => {
          if (CARET_KEYS.includes(e.key)) open();
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setCaret(null);
          setActive(-1);
        }}
        className={`input py-1.5 font-mono text-xs ${isInvalid ? "ring-red-400 focus:ring-red-600" : ""}`}
      />
      <OptionList
        id={listId}
        label="Transform suggestions"
        items={suggestions}
        active={active}
        isOpen={isOpen}
        itemKey={(s) => `${s.kind}:${s.label}`}
        onPick={accept}
        onHover={setActive}
      >
        {(s) => (
          <span className="flex items-baseline gap-3">
            <span className="font-mono font-semibold text-slate-900">{s.label}</span>
            <span className="truncate text-slate-500">{s.detail}</span>
          </span>
        )}
      </OptionList>
    </div>
  );
}
