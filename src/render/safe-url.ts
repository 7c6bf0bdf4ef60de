/**
 * Links from data are shown only when they are plain http or https addresses. Browsers strip tabs
 * and newlines from URLs and ignore case in schemes, so `JaVa\tscript:` is a script URL too; the
 * URL parser sees it the way the browser will.
 */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
