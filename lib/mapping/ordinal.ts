// How messages name a step of a chain: "the 2nd transform", never a column.

/** 1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** "the 2nd transform" for the 0-based step 1. */
export function nthTransform(step: number): string {
  return `the ${ordinal(step + 1)} transform`;
}
