/**
 * A product as people read it, from the CPE 2.3 components stored for it: underscores are spaces in CPE
 * names (`windows_server_2022`), a backslash escapes punctuation (`s\/4hana`), and `-` or `*` say "no
 * value" or "any value", which a reader does not need to see.
 */
export function readableCpePart(part: string | null | undefined): string {
  if (!part || part === '-' || part === '*') return '';
  return part.replace(/\\(.)/g, '$1').replaceAll('_', ' ');
}

export function productLabel(s: {
  vendor: string | null;
  product: string | null;
  productVersion: string | null;
}) {
  return [s.vendor, s.product, s.productVersion].map(readableCpePart).filter(Boolean).join(' ');
}
