import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

/**
 * A renamed organization's old slugs (lib/orgs/slug-redirects.ts): `/orgs/<old>/…` answers a
 * permanent redirect to the same path under the organization's current slug, for its members, until
 * another organization takes the slug (taking it deletes the row). A row points at the organization,
 * not at a slug, so a chain of renames (a → b → c) sends a and b straight to c. An old slug is used
 * for nothing else: no page, action or API resolves an organization through it.
 */
export const slugRedirects = pgTable(
  "slug_redirects",
  {
    oldSlug: text("old_slug").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The organization's deletion cascades here.
  (t) => [index("slug_redirects_org_idx").on(t.orgId)],
);

export type SlugRedirect = typeof slugRedirects.$inferSelect;
