/**
 * XML escaping for the exporters. Any string from a dataset may reach an XML file (labels, notes,
 * names), so every string passes through here: markup characters become references, and the
 * characters XML 1.0 forbids outright become U+FFFD, since not even a character reference may
 * stand for them.
 */

const REPLACEMENT = '\uFFFD';

/**
 * Whether XML 1.0 allows the code unit `code` as a character on its own: tab, line feed, carriage
 * return and everything from U+0020 up, except U+FFFE and U+FFFF. Surrogates are checked in pairs
 * by {@link xmlSafe}.
 */
function isAllowedUnit(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

/** Replaces the characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE, U+FFFF) with U+FFFD. */
export function xmlSafe(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    } else if ((code < 0xdc00 || code > 0xdfff) && isAllowedUnit(code)) {
      continue;
    }
    out += text.slice(from, i) + REPLACEMENT;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Escapes text for element content. `>` is escaped too, so that `]]>` never appears, and a
 * carriage return becomes a reference, so that parsers do not turn it into a line feed.
 */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (char) => TEXT_REFERENCES[char] as string);
}

/**
 * Escapes text for an attribute value in either kind of quotes. Tabs and line breaks become
 * references, because parsers normalize them to spaces inside attribute values.
 */
export function escapeXmlAttr(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\t\n\r]/g, (char) => ATTR_REFERENCES[char] as string);
}

const TEXT_REFERENCES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_REFERENCES: Readonly<Record<string, string>> = {
  ...TEXT_REFERENCES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/** Writes a number for XML: finite, and without needless digits (0.1 stays 0.1, 1/3 gets 4 decimals). */
export function xmlNumber(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 10_000) / 10_000;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
