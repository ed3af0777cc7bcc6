// Payload keys: "a.b" nests, keys keep mapping order, and no key may be both a value and an object.

export type KeyProblem = { index: number; message: string; start: number; end: number };

/** The path of a key, or why it is no valid key; offsets are in the key. */
export function parseKey(
  key: string,
): { ok: true; path: string[] } | { ok: false; problem: Omit<KeyProblem, "index"> } {
  if (key === "")
    return {
      ok: false,
      problem: { message: "The key is empty; give the payload key a name.", start: 0, end: 0 },
    };
  const path = key.split(".");
  let offset = 0;
  for (const [i, segment] of path.entries()) {
    if (segment === "") {
      const message =
        i === 0
          ? `Key "${key}" starts with "."; remove it.`
          : i === path.length - 1
            ? `Key "${key}" ends with "."; remove it.`
            : `Key "${key}" has an empty part between two dots.`;
      return {
        ok: false,
        problem: { message, start: Math.max(0, offset - 1), end: Math.min(key.length, offset + 1) },
      };
    }
    offset += segment.length + 1;
  }
  return { ok: true, path };
}

/** Duplicate keys and keys that are both a value and an object; the later entry gets the error. */
export function keyConflicts(paths: (string[] | null)[]): KeyProblem[] {
  const problems: KeyProblem[] = [];
  // A path joined with NUL, so "a.b" and ["a.b"] cannot collide.
  const taken = new Map<string, { index: number; kind: "value" | "object" }>();
  paths.forEach((path, index) => {
    if (!path) return;
    let prefixLength = 0;
    for (let depth = 1; depth < path.length; depth++) {
      prefixLength += (path[depth - 1]?.length ?? 0) + (depth > 1 ? 1 : 0);
      const id = path.slice(0, depth).join("\u0000");
      const other = taken.get(id);
      if (other?.kind === "value") {
        const prefix = path.slice(0, depth).join(".");
        problems.push({
          index,
          message: `Key "${path.join(".")}" puts a value inside "${prefix}", but entry ${other.index + 1} sends "${prefix}" itself as a value.`,
          start: 0,
          end: prefixLength,
        });
        return;
      }
      if (!other) taken.set(id, { index, kind: "object" });
    }
    const key = path.join(".");
    const other = taken.get(path.join("\u0000"));
    if (other) {
      const message =
        other.kind === "value"
          ? `Key "${key}" is already used by entry ${other.index + 1}.`
          : `Key "${key}" is a value here, but entry ${other.index + 1} puts "${key}.…" inside it as an object.`;
      problems.push({ index, message, start: 0, end: key.length });
      return;
    }
    taken.set(path.join("\u0000"), { index, kind: "value" });
  });
  return problems;
}

/** Where each entry's value goes: objects a key needs are created (in mapping order) the first time one names them. */
export type KeySlot = {
  creates: { id: number; parent: number; key: string }[];
  parent: number;
  leaf: string;
};

/** Slots for conflict-free paths; container 0 is the payload itself. */
export function planKeys(paths: string[][]): { slots: KeySlot[]; containers: number } {
  const ids = new Map<string, number>();
  let containers = 1;
  const slots = paths.map((path) => {
    const creates: KeySlot["creates"] = [];
    let parent = 0;
    for (let depth = 1; depth < path.length; depth++) {
      const id = path.slice(0, depth).join("\u0000");
      let container = ids.get(id);
      if (container === undefined) {
        container = containers++;
        ids.set(id, container);
        creates.push({ id: container, parent, key: path[depth - 1] ?? "" });
      }
      parent = container;
    }
    return { creates, parent, leaf: path[path.length - 1] ?? "" };
  });
  return { slots, containers };
}

/** Sets a key even when it is "__proto__", which plain assignment would treat as the prototype. */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
