// HTML escaping for the static knowledge page. Everything that comes from knowledge files goes
// through one of these: text through `text`, attribute values through `attr`, links through `href`.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text content: safe inside an element and inside a quoted attribute. */
export function text(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export const attr = text;

/** A link target: only http(s) addresses (the schema allows nothing else), escaped; anything else is no link. */
export function href(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  } catch {
    return undefined;
  }
  return attr(url);
}
