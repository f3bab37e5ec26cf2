import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cloudProvider } from "./enums";
import { organizations } from "./organizations";

/**
 * An organization's credentials for a cloud provider, which managed clusters are installed with.
 * The credentials are sealed (lib/crypto/sealed-box.ts, as kubeconfigs are); only their last four
 * characters are kept in clear, to tell accounts apart on the page.
 */
export const cloudAccounts = pgTable(
  "cloud_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    provider: cloudProvider("provider").notNull(),
    // AES-256-GCM sealed JSON of the provider's credentials; never stored or sent in clear.
    credentialsSealed: text("credentials_sealed").notNull(),
    secretLast4: text("secret_last4").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    rotatedAt: timestamp("rotated_at", { withTimezone: true }),
    // Set when the infrastructure engine last ran a job with these credentials.
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("cloud_accounts_org_name_key").on(t.orgId, sql`lower(${t.name})`),
    // The target of clusters' (cloud_account_id, org_id, provider) reference: the database itself
    // keeps a cluster from using another organization's account or another provider's.
    unique("cloud_accounts_id_org_provider_key").on(t.id, t.orgId, t.provider),
    check("cloud_accounts_managed_provider", sql`${t.provider} <> 'self_managed'`),
  ],
);

export type CloudAccount = typeof cloudAccounts.$inferSelect;
