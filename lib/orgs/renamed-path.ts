// Where an old organization URL goes after a rename: the same path and query under the new slug.
// Pure, so the path handling (any subpath, the query string, nothing that leaves the console) is
// unit-tested apart from the database lookup in ./slug-redirects.ts.

/**
 * `requested` is the path and query the browser asked for (the proxy passes it on); anything that
 * is not under `/orgs/<oldSlug>` (absent, or forged) falls back to the organization's home.
 * Next's `_rsc` cache-busting parameter is a client navigation's, not the page's: dropped.
 */
export function renamedPath(oldSlug: string, newSlug: string, requested: string | null): string {
  const home = `/orgs/${newSlug}`;
  if (!requested) return home;
  const url = new URL(requested, "http://console.invalid");
  if (url.origin !== "http://console.invalid") return home;
  const prefix = `/orgs/${oldSlug}`;
  const path = url.pathname;
  if (path !== prefix && !path.startsWith(`${prefix}/`)) return home;
  url.searchParams.delete("_rsc");
  const search = url.searchParams.toString();
  return `${home}${path.slice(prefix.length)}${search ? `?${search}` : ""}`;
}
