import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import type { PostgresServer } from "@/scripts/lib/postgres-server";
import { auditEventsAtScale } from "./audit-pages";
import { clusterScale } from "./clusters-pages";
import { type GitScale, seedGitScale } from "./git-bench";
import type { Fleets } from "./page-specs";
import { projectsAtScale } from "./projects-pages";
import { seedClusterFleet } from "./seed-clusters";
import { type ScaleData, seedScale } from "./seed-scale";

/** A user in 500 organizations, one of which has 10,000 members, a million audit events… */
export const benchScale = { members: 10_000, orgsPerUser: 500, auditEvents: auditEventsAtScale, invitations: 120, projects: projectsAtScale };

export type BenchDatabase = { databaseUrl: string; seed: ScaleData; fleets: Fleets; git: GitScale; postgresVersion: string };

/**
 * The database `bench` on `pg`, migrated and seeded at benchScale: the big organization's 200
 * clusters (the small one's 2) and its GitHub installation of 5,000 repositories included. For
 * `npm run bench`, bench/html-sizes.ts and bench/serve.ts alike.
 */
export async function seedBenchDatabase(pg: PostgresServer): Promise<BenchDatabase> {
  const admin = await openDatabase(pg.url());
  await admin.db.execute(sql`create database bench`);
  await admin.close();
  const databaseUrl = pg.url("bench");
  const { db, close } = await openDatabase(databaseUrl);
  try {
    await migrateDatabase(db, "postgres");
    const seed = await seedScale(db, benchScale);
    // The big organization is on Enterprise (no cluster limit); the small one on Professional (3).
    const fleets = {
      fleet: await seedClusterFleet(db, seed.bigOrg.slug, clusterScale.fleet),
      small: await seedClusterFleet(db, seed.smallOrg.slug, clusterScale.small),
    };
    // The installation's applications go on the big organization's default cluster.
    const git = await seedGitScale(db, seed.bigOrg.slug, seed.projects.apiKey);
    // As autovacuum would after a bulk load: statistics for the planner, and the visibility map
    // that lets counts (the Danger Zone's) be index-only scans instead of a million heap visits.
    await db.execute(sql`vacuum analyze`);
    const [row] = await db.select({ version: sql<string>`current_setting('server_version')` }).from(users).limit(1);
    return { databaseUrl, seed, fleets, git, postgresVersion: row?.version ?? "?" };
  } finally {
    await close();
  }
}
