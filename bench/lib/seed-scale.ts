import { count, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditEvents, memberships, organizations, users } from "@/db/schema";
import { addMember, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { addBulkMembers, insertBulkAuditEvents, insertBulkTeamOrgs, insertBulkUsers } from "@/lib/factories/bulk";

export type Person = { email: string; name: string };
export type OrgRef = { slug: string; name: string };

/** What the benchmark drives: a user at scale and, for comparison, a user at the small end. */
export type ScaleData = {
  benchUser: Person;
  /** The organization with `members` members; the bench user owns it. */
  bigOrg: OrgRef;
  /** One of the bench user's many other (small) team organizations. */
  otherOrg: OrgRef;
  smallUser: Person;
  /** A three-member organization owned by the small user, who is in two organizations. */
  smallOrg: OrgRef;
  counts: { users: number; organizations: number; memberships: number; auditEvents: number };
  benchUserOrgs: number;
  bigOrgMembers: number;
  smallUserOrgs: number;
  seconds: number;
};

export type ScaleOptions = { members: number; orgsPerUser: number; auditEvents: number };

/**
 * The named rows go through the domain factories (a user with a personal organization, a team
 * organization owned by its creator); the thousands of rows around them through the set-based bulk
 * factories.
 */
export async function seedScale(db: Db, options: ScaleOptions): Promise<ScaleData> {
  const started = performance.now();
  const tag = uniqueTag();
  const bench = await makeUser(db, { email: `bench-${tag}@example.test`, name: "Bench User" });
  const big = await makeTeamOrg(db, bench, { name: "Scale Corp", slug: `scale-${tag}`, plan: "enterprise" });

  // Members 2…N of the big organization; the same users own the bench user's other organizations.
  const crowd = await insertBulkUsers(db, { prefix: `m-${tag}`, count: options.members - 1 });
  await addBulkMembers(db, big.id, crowd);
  // The bench user is in: their personal organization, the big one, and these.
  const teams = await insertBulkTeamOrgs(db, {
    prefix: `t-${tag}`,
    count: options.orgsPerUser - 2,
    owners: crowd,
    member: { userId: bench.id, roles: ["developer", "admin", "viewer"] },
  });
  await insertBulkAuditEvents(db, big.id, { id: bench.id, label: `Bench User <${bench.email}>` }, options.auditEvents);

  const small = await makeUser(db, { email: `small-${tag}@example.test`, name: "Small User" });
  const smallOrg = await makeTeamOrg(db, small, { name: "Small Co", slug: `small-${tag}`, plan: "professional" });
  await addMember(db, smallOrg, await makeUser(db, { name: "Small Admin" }), "admin");
  await addMember(db, smallOrg, await makeUser(db, { name: "Small Viewer" }), "viewer");

  // As autovacuum would after a bulk load: the planner needs statistics for the big tables.
  await db.execute(sql`analyze`);

  const otherSlug = `${teams.prefix}-1`;
  const [other] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.slug, otherSlug));
  const result: ScaleData = {
    benchUser: { email: bench.email, name: "Bench User" },
    bigOrg: { slug: big.slug, name: big.name },
    otherOrg: { slug: otherSlug, name: other?.name ?? "?" },
    smallUser: { email: small.email, name: "Small User" },
    smallOrg: { slug: smallOrg.slug, name: smallOrg.name },
    counts: await tableCounts(db),
    benchUserOrgs: await countMemberships(db, memberships.userId, bench.id),
    bigOrgMembers: await countMemberships(db, memberships.orgId, big.id),
    smallUserOrgs: await countMemberships(db, memberships.userId, small.id),
    seconds: (performance.now() - started) / 1000,
  };
  if (result.benchUserOrgs !== options.orgsPerUser || result.bigOrgMembers !== options.members) {
    throw new Error(`seeding went wrong: ${JSON.stringify(result)}`);
  }
  return result;
}

async function countMemberships(db: Db, column: AnyPgColumn, id: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(memberships).where(eq(column, id));
  return row?.n ?? 0;
}

async function tableCounts(db: Db): Promise<ScaleData["counts"]> {
  const total = async (table: typeof users | typeof organizations | typeof memberships | typeof auditEvents) =>
    (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    users: await total(users),
    organizations: await total(organizations),
    memberships: await total(memberships),
    auditEvents: await total(auditEvents),
  };
}
