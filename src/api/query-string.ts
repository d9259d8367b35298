/**
 * Query strings are read strictly: a percent-encoding that does not decode to well-formed
 * UTF-8 ("%ZZ", "%FF", "%ED%A0%80", a lone "%") is refused instead of being kept as literal
 * text or replaced, so a filter never silently matches nothing.
 */

function decodes(component: string): boolean {
  try {
    decodeURIComponent(component.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/** The field whose name or value does not decode ("url" when its name does not), or null. */
export function undecodableQueryField(url: string): string | null {
  const start = url.indexOf('?');
  if (start < 0) return null;
  for (const pair of url.slice(start + 1).split('&')) {
    const at = pair.indexOf('=');
    const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    if (!decodes(name)) return 'url';
    if (!decodes(value)) return `querystring.${decodeURIComponent(name.replace(/\+/g, ' '))}`;
  }
  return null;
}
