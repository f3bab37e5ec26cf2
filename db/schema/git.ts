import { sql } from "drizzle-orm";
import { bigint, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./organizations";

/**
 * The organization's GitHub App installation: one per organization, and an installation belongs
 * to at most one organization (both unique). Suspension and deletion on GitHub are kept as facts
 * (they arrive by webhook) so the console can say what stopped working until someone disconnects.
 */
export const gitInstallations = pgTable(
  "git_installations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    installationId: bigint("installation_id", { mode: "number" }).notNull(),
    accountLogin: text("account_login").notNull(),
    // "Organization" or "User", as GitHub names the account the App is installed on.
    accountType: text("account_type").notNull(),
    accountAvatarUrl: text("account_avatar_url"),
    // "all" or "selected", as chosen on GitHub.
    repositorySelection: text("repository_selection").notNull(),
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    deletedOnGithubAt: timestamp("deleted_on_github_at", { withTimezone: true }),
    installedBy: uuid("installed_by").references(() => users.id, { onDelete: "set null" }),
    repositoriesSyncedAt: timestamp("repositories_synced_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("git_installations_org_key").on(t.orgId), uniqueIndex("git_installations_installation_key").on(t.installationId)],
);

/** The repositories the installation grants, as GitHub last told us (setup, then webhooks). */
export const gitRepositories = pgTable(
  "git_repositories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    installationRowId: uuid("installation_row_id")
      .notNull()
      .references(() => gitInstallations.id, { onDelete: "cascade" }),
    githubId: bigint("github_id", { mode: "number" }).notNull(),
    // "owner/name", as applications name their repository.
    fullName: text("full_name").notNull(),
    private: boolean("private").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("git_repositories_installation_github_key").on(t.installationRowId, t.githubId),
    // The Git page lists by name, and applications are matched by name, ignoring case.
    index("git_repositories_org_name_idx").on(t.orgId, sql`lower(${t.fullName})`),
  ],
);

/**
 * The `state` of an installation redirect, used once: the signed token carries this nonce, and the
 * setup callback claims the row (used_at) so a replayed state is refused.
 */
export const gitInstallStates = pgTable("git_install_states", {
  nonce: text("nonce").primaryKey(),
  orgId: uuid("org_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Webhook deliveries already applied, by GitHub's X-GitHub-Delivery id: a redelivery is ignored. */
export const githubWebhookDeliveries = pgTable(
  "github_webhook_deliveries",
  {
    deliveryId: text("delivery_id").primaryKey(),
    event: text("event").notNull(),
    action: text("action"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("github_webhook_deliveries_received_idx").on(t.receivedAt)],
);

export type GitInstallation = typeof gitInstallations.$inferSelect;
export type GitRepository = typeof gitRepositories.$inferSelect;
