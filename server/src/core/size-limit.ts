// One limit on a relationship file's size for every face: the CLI refuses a larger file before reading it,
// and the engine answers a larger text with one finding instead of an analysis, so the editor stays
// responsive and says the same as the CLI. A relationship is a few hundred lines; 5 MiB is far beyond that.

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const MIB = 1024 * 1024;

/** The text's size in UTF-8 bytes (as it is stored), counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 2 code units, 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** The size of a text over the limit, in bytes, or undefined when it is within it. */
export function oversize(text: string): number | undefined {
  if (text.length * 3 <= MAX_FILE_BYTES) return undefined; // even all in 3-byte characters it fits
  const bytes = utf8Length(text);
  return bytes > MAX_FILE_BYTES ? bytes : undefined;
}

/** "file too large (5.3 MiB; the limit is 5 MiB)": a file just over the limit reads 5.1, never as the limit itself. */
export function tooLargeMessage(bytes: number): string {
  const limit = Math.round((MAX_FILE_BYTES * 10) / MIB);
  const tenths = Math.max(Math.round((bytes * 10) / MIB), bytes > MAX_FILE_BYTES ? limit + 1 : 0);
  return `file too large (${tenths / 10} MiB; the limit is ${limit / 10} MiB)`;
}
