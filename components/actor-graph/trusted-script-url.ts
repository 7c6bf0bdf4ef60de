/**
 * Trusted Types for the layout worker. A page that requires Trusted Types for scripts refuses
 * `new Worker(url)` with a plain URL, and reports the attempt as a CSP violation. The widget
 * then needs a policy of its own, named `actor-graph`, which the page must allow
 * (`trusted-types lit-html actor-graph`). Whether it does cannot be asked without a violation
 * either, so the page's policies are read: from `<meta>` elements and from the response headers
 * of the page itself, as the browser's cache holds them (the request never goes to the network).
 */

/** The name of the widget's Trusted Types policy, for a page's `trusted-types` directive. */
export const TRUSTED_TYPES_POLICY = 'actor-graph';

interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(value: string): string }): { createScriptURL(value: string): unknown };
}

/** The Content-Security-Policies the page runs under, as far as a script can tell. */
async function pagePolicies(): Promise<string[]> {
  const policies = [...document.querySelectorAll<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy" i]')].map(
    (meta) => meta.content,
  );
  try {
    // Only from the cache: the page is never requested again, so no visit is counted twice.
    const response = await fetch(document.URL, { method: 'HEAD', mode: 'same-origin', cache: 'only-if-cached' });
    const header = response.headers.get('content-security-policy');
    if (header !== null) policies.push(...header.split(','));
  } catch {
    // A page not in the cache (or a file, an opaque origin) has only its meta policies.
  }
  return policies;
}

/** Whether `policy` lets a Trusted Types policy named `name` be created. */
function allowsPolicy(policy: string, name: string): boolean {
  const directive = /(?:^|;)\s*trusted-types\b([^;]*)/i.exec(policy);
  if (directive === null) return true;
  const names = (directive[1] ?? '').trim().split(/\s+/);
  return names.includes(name) || names.includes('*');
}

let policy: Promise<{ createScriptURL(value: string): unknown } | null | undefined> | undefined;

/**
 * The URL to start a worker from: the URL itself where Trusted Types are not required, a
 * TrustedScriptURL where they are and the page allows the widget's policy, or `null` where they
 * are and it does not (the caller then does without the worker).
 */
export async function workerScriptUrl(url: URL): Promise<URL | null> {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  if (factory === undefined) return url;
  policy ??= pagePolicies().then((policies) => {
    if (!policies.some((text) => /require-trusted-types-for\s+'script'/i.test(text))) return undefined;
    if (!policies.every((text) => allowsPolicy(text, TRUSTED_TYPES_POLICY))) return null;
    // Only the worker files beside the bundle are ever made trusted.
    return factory.createPolicy(TRUSTED_TYPES_POLICY, {
      createScriptURL: (value) => {
        if (!/\/actor-graph\.layout-worker\.js$|\/layout-worker\.ts$/.test(new URL(value).pathname)) {
          throw new TypeError(`actor-graph: ${value} is not its layout worker.`);
        }
        return value;
      },
    });
  });
  const trusted = await policy;
  if (trusted === undefined) return url;
  if (trusted === null) return null;
  // A TrustedScriptURL stands where the URL would; the Worker constructor takes either.
  return trusted.createScriptURL(url.href) as URL;
}
