// PURE. The one escaping helper every string from a document goes through, in text and in (always
// double-quoted) attribute values alike, and the one gate that lets a URL become an active link.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/** The href for an evidence link that may be active: https only, never javascript:, data: or a file path. */
export function safeHref(target: string): string | undefined {
  // Control characters and spaces are how scheme checks get smuggled past browsers' URL parsing.
  if (!/^https:\/\//i.test(target) || [...target].some(isControlOrSpace)) return undefined;
  try {
    const url = new URL(target);
    return url.protocol === 'https:' && url.hostname !== '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isControlOrSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  return code <= 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Attributes from a map; values are escaped, names are ours (never from a document). */
export function attrs(map: Record<string, string | number | boolean | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(map)) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}
