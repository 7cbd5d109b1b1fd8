/**
 * Patent classification symbols, IPC and CPC alike: section letter, two-digit class, subclass letter, then
 * main group / subgroup (WIPO Standard ST.8; "H01L 23/31", "H01L 2224/48091", "Y02E 10/50"). Written the way
 * the offices print them: one space after the subclass, no leading zeros in the main group.
 */
const SYMBOL = /^([A-HY])\s*(\d{2})\s*([A-Z])\s*0*(\d{1,4})\s*\/\s*(\d{2,6})$/;

/** The symbol in its printed form, or null when the text is not one. */
export function classSymbol(text: string): string | null {
  const m = SYMBOL.exec(text.trim().toUpperCase());
  if (!m) return null;
  const [, section, cls, subclass, main, sub] = m;
  // Subgroups keep their digits as printed ("23/00", "2224/48091"): only the main group's padding goes.
  return `${section}${cls}${subclass} ${Number(main)}/${sub}`;
}

/** A cell or list holding several symbols: separated by ";", "," or new lines. */
export function splitClasses(text: string): string[] {
  return text
    .split(/[;,\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
