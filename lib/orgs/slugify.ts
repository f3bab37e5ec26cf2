// No zod here: the New organization form derives slugs in the browser.

export const slugLength = { min: 3, max: 40 } as const;

// Words that are, or may become, routes next to /orgs/[slug], or that would read as the product's own.
export const reservedSlugs = new Set([
  "new", "settings", "api", "admin", "account", "accounts", "orgs", "org", "organizations", "app",
  "auth", "sign-in", "sign-out", "signin", "signout", "login", "logout", "invitations", "invite",
  "billing", "help", "support", "docs", "status", "static", "public", "_next", "www", "root", "system",
]);

/** A URL-safe suggestion from a display name; the user may still edit it. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, slugLength.max)
    .replace(/-+$/g, "");
  if (base.length >= slugLength.min && !reservedSlugs.has(base)) return base;
  return `${base || "org"}-org`.slice(0, slugLength.max);
}

/** A slug with a short random tail, for when the natural one is taken (personal organizations). */
export function slugWithSuffix(base: string): string {
  const suffix = Math.random().toString(36).slice(2, 7);
  return `${base.slice(0, slugLength.max - suffix.length - 1).replace(/-+$/g, "")}-${suffix}`;
}
