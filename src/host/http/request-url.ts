/**
 * The request target as a URL, for its path and query. Never throws: `new URL(target, base)` reads a
 * target like `//%zz/…` as a host name and throws, which in an upgrade handler would end the host.
 * An origin-form target (`/…`) is always read as a path; anything unreadable becomes `/`.
 */
export function requestUrl(target: string | undefined): URL {
  try {
    return new URL(target?.startsWith('/') ? `http://host${target}` : (target ?? '/'), 'http://host');
  } catch {
    return new URL('http://host/');
  }
}
