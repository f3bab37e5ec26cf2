import { and, asc, count, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditEvents, invitations, memberships, organizations, users } from "@/db/schema";
import { addMember, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { makeApiToken } from "@/lib/factories/api-tokens";
import { addBulkMembers, insertBulkAuditEvents, insertBulkInvitations, insertBulkProjects, insertBulkTeamOrgs, insertBulkUsers } from "@/lib/factories/bulk";
import { memberCursor, sinceKey } from "@/lib/members/paging";

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
  counts: { users: number; organizations: number; memberships: number; auditEvents: number; invitations: number };
  benchUserOrgs: number;
  bigOrgMembers: number;
  smallUserOrgs: number;
  smallOrgMembers: number;
  /** Pending invitations in the big and the small organization. */
  bigOrgInvitations: number;
  smallOrgInvitations: number;
  /** A members search in the big organization and how many members it matches. */
  memberSearch: { q: string; hits: number; example: string };
  /** The big organization's projects, and what the CLI API is driven with: the bench user's token and a key of that organization. */
  projects: { count: number; apiToken: string; apiKey: string; apiKeyName: string };
  /** The big organization's history: who and what a filter can pick out of it. */
  audit: { events: number; rareActorEmail: string; rareActorEvents: number; rareAction: string; rareActionEvents: number };
  /** A keyset cursor deep into the big organization's members, and the name of the member right after it. */
  laterPage: { position: number; after: string; firstName: string };
  seconds: number;
};

export type ScaleOptions = { members: number; orgsPerUser: number; auditEvents: number; invitations: number; projects: number };

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
  // Most of the big organization's history is the bench user's; every 100th event is one member's.
  const rareEmail = `${crowd.prefix}-7@example.test`;
  const [rare] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, rareEmail));
  await insertBulkAuditEvents(
    db,
    big.id,
    { main: { id: bench.id, label: `Bench User <${bench.email}>` }, rare: { id: rare.id, label: `${rare.name} <${rareEmail}>` } },
    options.auditEvents,
  );
  const projectPrefix = `p-${tag}`;
  await insertBulkProjects(db, big.id, { prefix: projectPrefix, count: options.projects, createdBy: bench.id });
  const apiToken = await makeApiToken(db, bench, { name: "bench" });
  // More pending invitations than the members page shows, so that list is measured at its bound too.
  await insertBulkInvitations(db, big.id, { prefix: `inv-${tag}`, count: options.invitations, invitedBy: bench.id });

  const small = await makeUser(db, { email: `small-${tag}@example.test`, name: "Small User" });
  const smallOrg = await makeTeamOrg(db, small, { name: "Small Co", slug: `small-${tag}`, plan: "professional" });
  await addMember(db, smallOrg, await makeUser(db, { name: "Small Admin" }), "admin");
  await addMember(db, smallOrg, await makeUser(db, { name: "Small Viewer" }), "viewer");
  await insertBulkInvitations(db, smallOrg.id, { prefix: `sinv-${tag}`, count: 2, invitedBy: small.id });

  // As autovacuum would after a bulk load: the planner needs statistics for the big tables.
  await db.execute(sql`analyze`);

  // Bulk member n is "Member n of m-<tag>": "member 424" matches 424 and 4240…4249 (of up to 9,999).
  const searchDigits = "424";
  const memberSearch = {
    q: `member ${searchDigits}`,
    hits: countNumbersStartingWith(searchDigits, crowd.count),
    example: `Member ${searchDigits} of ${crowd.prefix}`,
  };
  const laterPage = await cursorAt(db, big.id, Math.floor(options.members / 2));

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
    smallOrgMembers: await countMemberships(db, memberships.orgId, smallOrg.id),
    bigOrgInvitations: await countPendingInvitations(db, big.id),
    smallOrgInvitations: await countPendingInvitations(db, smallOrg.id),
    memberSearch,
    laterPage,
    projects: { count: options.projects, apiToken: apiToken.token, apiKey: `${projectPrefix}-1`, apiKeyName: `Project 1 of ${projectPrefix}` },
    audit: {
      events: options.auditEvents,
      rareActorEmail: rareEmail,
      rareActorEvents: Math.floor(options.auditEvents / 100),
      rareAction: "org.update",
      rareActionEvents: Math.floor(options.auditEvents / 1000),
    },
    seconds: (performance.now() - started) / 1000,
  };
  if (result.benchUserOrgs !== options.orgsPerUser || result.bigOrgMembers !== options.members || result.bigOrgInvitations !== options.invitations) {
    throw new Error(`seeding went wrong: ${JSON.stringify(result)}`);
  }
  return result;
}

async function countMemberships(db: Db, column: AnyPgColumn, id: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(memberships).where(eq(column, id));
  return row?.n ?? 0;
}

async function countPendingInvitations(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.status, "pending"), sql`${invitations.expiresAt} > now()`));
  return row?.n ?? 0;
}

function countNumbersStartingWith(digits: string, upTo: number): number {
  let hits = 0;
  for (let n = 1; n <= upTo; n++) if (String(n).startsWith(digits)) hits++;
  return hits;
}

/**
 * The members page's cursor after the member at `position` (1-based, in the page's order: member
 * since, then user id), built with the page's own encoder, and the name of the next member.
 */
async function cursorAt(db: Db, orgId: string, position: number): Promise<ScaleData["laterPage"]> {
  const rows = await db
    .select({ userId: memberships.userId, since: sinceKey, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(memberships.createdAt), asc(memberships.userId))
    .offset(position - 1)
    .limit(2);
  if (rows.length < 2) throw new Error(`the organization has fewer than ${position + 1} members`);
  return { position, after: memberCursor.encode(rows[0]), firstName: rows[1].name ?? "?" };
}

async function tableCounts(db: Db): Promise<ScaleData["counts"]> {
  const total = async (table: typeof users | typeof organizations | typeof memberships | typeof auditEvents | typeof invitations) =>
    (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    users: await total(users),
    organizations: await total(organizations),
    memberships: await total(memberships),
    auditEvents: await total(auditEvents),
    invitations: await total(invitations),
  };
}
