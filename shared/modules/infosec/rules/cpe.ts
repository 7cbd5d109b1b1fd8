/**
 * The syntax of a CPE 2.3 formatted string (NIST IR 7695, Common Platform Enumeration: Naming Specification
 * Version 2.3, §6.2), as the pattern of the official CPE 2.3 dictionary schema (cpe-dictionary_2.3.xsd,
 * `cpe23Type`) writes it: `cpe:2.3:` then part (a, o, h) and ten more components, each a quoted-character
 * string with optional leading and trailing wildcards, `*` (ANY) or `-` (NA); the language is an RFC 5646 tag.
 */
const avstring =
  String.raw`(((\?*|\*?)([a-zA-Z0-9\-\._]|(\\[\\\*\?!"#$%&'\(\)\+,/:;<=>@\[\]\^` +
  '`' +
  String.raw`\{\|}~]))+(\?*|\*?))|[\*\-])`;
const language = String.raw`(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[\*\-])`;
const CPE23 = new RegExp(`^cpe:2\\.3:[aho\\*\\-](:${avstring}){5}(:${language})(:${avstring}){4}$`);

export function isCpe23(value: string): boolean {
  return CPE23.test(value);
}

/** The vendor, product and version components of a well-formed CPE 2.3 string (unescaped colons respected). */
export function cpeParts(
  value: string,
): { part: string; vendor: string; product: string; version: string } | null {
  if (!isCpe23(value)) return null;
  const parts = value.split(/(?<!\\):/);
  return { part: parts[2], vendor: parts[3], product: parts[4], version: parts[5] };
}
