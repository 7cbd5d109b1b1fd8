import { fileTypeFromBuffer } from 'file-type';

/** The kinds of file Steward stores, recognised by their content (magic numbers), never by their name. */
export const allowedTypes = new Map<string, string>([
  ['application/pdf', 'pdf'],
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
  ['image/gif', 'gif'],
  ['image/webp', 'webp'],
  ['image/heic', 'heic'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
  ['text/plain', 'txt'],
  ['text/csv', 'csv'],
]);

/** Plain text: valid UTF-8 without NUL bytes (what a CSV or a note is). */
function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    // A multi-byte character cut at the end of the sample is fine: streaming keeps it for a next chunk that
    // never comes. (Dropping a fixed number of bytes instead would cut a character of a file that ends with
    // a Chinese word and a line break.)
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export type Detected = { contentType: string; extension: string } | null;

/** The type of a file from its first bytes; null when it is not one Steward accepts. */
export async function detectFileType(head: Uint8Array, filename: string): Promise<Detected> {
  const found = await fileTypeFromBuffer(head);
  if (found)
    return allowedTypes.has(found.mime)
      ? { contentType: found.mime, extension: allowedTypes.get(found.mime) as string }
      : null;
  if (!looksLikeText(head)) return null;
  return filename.toLowerCase().endsWith('.csv')
    ? { contentType: 'text/csv', extension: 'csv' }
    : { contentType: 'text/plain', extension: 'txt' };
}

/** A display name safe to send back in a header: no path, no control characters, bounded length. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .replace(/^\.+/, '')
    .trim();
  return (cleaned || 'file').slice(0, 200);
}
