// JSON text from people (a pasted schema, an uploaded file, a request body), with errors said where they are.
// Client-safe.

export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: string };

/** Line and column of a character offset, counted from 1 as editors do. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

/**
 * JSON.parse, with a failure said as "not valid JSON at line 3, column 20: Expected ',' or ']' after array element",
 * for the caller to begin ("The request body is …"). The reason is the parser's; the place is found by a scan of
 * the grammar, as the parser does not always say it (V8 quotes the text instead).
 */
export function parseJsonText(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 quotes up to about 20 characters of the text ("…", …"…"…): never repeated, as they may be a secret's.
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, "");
    return { ok: false, problem: `not valid JSON at ${lineAndColumn(text, errorOffset(text))}: ${reason}` };
  }
}

const WORDS = ["true", "false", "null"];

/** Where JSON text that does not parse first goes wrong: the offset a scan of its grammar stops at. */
function errorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const expect = (char: string) => {
    space();
    if (text[i] !== char) fail();
    i++;
  };
  // After a backslash: one of " \\ / b f n r t, or u and four hex digits.
  const escaped = () => {
    i++;
    if (text[i] === "u") {
      i++;
      for (let k = 0; k < 4; k++) {
        if (!/[0-9a-fA-F]/.test(text[i] ?? "")) fail();
        i++;
      }
    } else if (i < text.length && '"\\/bfnrt'.includes(text[i]!)) i++;
    else fail();
  };
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === "\\") escaped();
      else i++;
    }
    expect('"');
  };
  // Members or elements up to the closing bracket, each read by `item`.
  const list = (close: string, item: () => void) => {
    i++;
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      expect(",");
    }
  };
  const member = () => {
    string();
    expect(":");
    value();
  };
  const value = () => {
    space();
    if (text[i] === "{") list("}", member);
    else if (text[i] === "[") list("]", value);
    else if (text[i] === '"') string();
    else if (/[-0-9]/.test(text[i] ?? "")) number();
    else word();
  };
  const digits = (atLeastOne: boolean) => {
    if (atLeastOne && !/[0-9]/.test(text[i] ?? "")) fail();
    while (/[0-9]/.test(text[i] ?? "")) i++;
  };
  const number = () => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else digits(true);
    if (text[i] === ".") {
      i++;
      digits(true);
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits(true);
    }
  };
  // true, false or null, read letter by letter: the first letter that differs is where it goes wrong.
  const word = () => {
    const expected = WORDS.find((w) => w[0] === text[i]);
    if (!expected) fail();
    for (const letter of expected ?? "") {
      if (text[i] !== letter) fail();
      i++;
    }
  };
  try {
    value();
    space();
    return i;
  } catch (stoppedAt) {
    return typeof stoppedAt === "number" ? stoppedAt : i; // too deep for the scan: where it got to
  }
}
