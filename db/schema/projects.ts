import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { clusters } from "./clusters";
import { databaseType, environmentMode, environmentStatus } from "./enums";
import { organizations } from "./organizations";

// Everything below the organization. Each table carries org_id (kept in step by a project
// transfer) so every lookup is scoped by the organization `authorize` resolved, in one condition,
// and the organization's deletion cascades to it directly.

export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // The CLI's X-Project-Key: unique within the organization, compared case-insensitively.
    key: text("key").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("projects_org_key_key").on(t.orgId, sql`lower(${t.key})`),
    // The home page lists projects by name (keyset on lower(name), id).
    index("projects_org_name_idx").on(t.orgId, sql`lower(${t.name})`, t.id),
  ],
);

export const environments = pgTable(
  "environments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    mode: environmentMode("mode").notNull(),
    // Resolved when the environment is created (or re-targeted by a transfer); no action on delete:
    // deleting a cluster that environments still target is refused, naming them.
    clusterId: uuid("cluster_id")
      .notNull()
      .references(() => clusters.id),
    // Chosen as "Automatic" (a deployment rule or the default cluster picked it) or by hand.
    automaticCluster: boolean("automatic_cluster").notNull().default(true),
    status: environmentStatus("status").notNull().default("running"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("environments_project_name_key").on(t.projectId, sql`lower(${t.name})`),
    index("environments_org_idx").on(t.orgId),
    index("environments_cluster_idx").on(t.clusterId),
  ],
);

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    environmentId: uuid("environment_id")
      .notNull()
      .references(() => environments.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // "owner/name" on GitHub.
    gitRepository: text("git_repository").notNull(),
    branch: text("branch").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("applications_environment_name_key").on(t.environmentId, sql`lower(${t.name})`),
    index("applications_org_idx").on(t.orgId),
  ],
);

export const databases = pgTable(
  "databases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    environmentId: uuid("environment_id")
      .notNull()
      .references(() => environments.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    type: databaseType("type").notNull(),
    version: text("version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("databases_environment_name_key").on(t.environmentId, sql`lower(${t.name})`),
    index("databases_org_idx").on(t.orgId),
  ],
);

/**
 * A project's deployment rules, tried in `position` order: the first whose pattern (`*` matches
 * any run of characters) matches a new environment's name chooses its cluster and mode.
 */
export const deploymentRules = pgTable(
  "deployment_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    pattern: text("pattern").notNull(),
    clusterId: uuid("cluster_id")
      .notNull()
      .references(() => clusters.id),
    mode: environmentMode("mode").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deployment_rules_project_position_idx").on(t.projectId, t.position), index("deployment_rules_cluster_idx").on(t.clusterId)],
);

export type Project = typeof projects.$inferSelect;
export type Environment = typeof environments.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type Database = typeof databases.$inferSelect;
export type DeploymentRule = typeof deploymentRules.$inferSelect;
