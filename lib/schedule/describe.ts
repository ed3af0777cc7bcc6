import cronstrue from "cronstrue";

/** The schedule in words, e.g. "every day at 02:00 Europe/Copenhagen"; falls back to the expression. */
export function describeSchedule(expression: string, timeZone: string): string {
  try {
    const text = cronstrue.toString(expression, { use24HourTimeFormat: true, verbose: false });
    const words = text.replace(/^At /, "at ").replace(/^Every /, "every ");
    const daily = /^at (\d\d:\d\d)$/.exec(words);
    return `${daily ? `every day at ${daily[1]}` : words} ${timeZone}`;
  } catch {
    return `${expression} (${timeZone})`;
  }
}
