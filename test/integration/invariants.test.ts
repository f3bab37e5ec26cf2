import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, memberships, organizations, users, type Organization, type User } from "@/db/schema";
import type { MemberRole } from "@/db/schema/enums";
import { defineOrgAction } from "@/lib/actions/define";
import { runOrgAction } from "@/lib/actions/run-action";
import { recordAudit } from "@/lib/audit/record";
import { addMember, makeOrgWithEveryRole, makeTeamOrg, makeUser } from "@/lib/factories";
import { z } from "zod";
import { rejection, snapshotOrg } from "./support/snapshot";
import { useTestDatabase } from "./support/test-database";

// DESIGN.md §5, checked against the database itself: these hold whatever the code above does.

const t = useTestDatabase();

const oneOwnerMessage = "must have exactly one owner";

const inOrg = (org: Organization, user: User) => and(eq(memberships.orgId, org.id), eq(memberships.userId, user.id));

async function ownersOf(db: Db, orgId: string) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")));
  return rows.map((row) => row.userId);
}

function setRole(db: Pick<Db, "update">, org: Organization, user: User, role: MemberRole) {
  return db.update(memberships).set({ role }).where(inOrg(org, user)).returning();
}

/** Writes one audit event as `actor` did, through the action door. */
async function auditAs(org: Organization, actor: User) {
  const result = await runOrgAction(
    defineOrgAction({ permission: "project.read", schema: z.object({}) }, async (ctx, _input, db) => {
      await recordAudit(db, ctx, { action: "test.event", targetType: "organization", targetId: ctx.org.id, targetLabel: ctx.org.name });
      return { ok: true };
    }),
    { db: t.db, userId: actor.id, slug: org.slug, input: {} },
  );
  expect(result).toMatchObject({ ok: true });
}

describe("exactly one owner", () => {
  it("refuses a second owner (unique index)", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const newcomer = await makeUser(t.db);
    const inserted = await rejection(t.db.insert(memberships).values({ orgId: org.id, userId: newcomer.id, role: "owner" }));
    expect(inserted.code).toBe("23505");
    expect(inserted.message).toContain("memberships_one_owner_per_org");
    const promoted = await rejection(setRole(t.db, org, people.admin, "owner"));
    expect(promoted.code).toBe("23505");
    expect(await ownersOf(t.db, org.id)).toEqual([people.owner.id]);
  });

  it("refuses deleting the only owner, at commit", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const before = await snapshotOrg(t.db, org.id);
    let ownersInside: string[] = ["not reached"];
    const refused = await rejection(
      t.db.transaction(async (tx) => {
        await tx.delete(memberships).where(inOrg(org, people.owner));
        // The deferred trigger lets the transaction go on without an owner for now...
        ownersInside = await ownersOf(tx as unknown as Db, org.id);
      }),
    );
    // ...and refuses it at commit.
    expect(ownersInside).toEqual([]);
    expect(refused.message).toContain(oneOwnerMessage);
    expect(refused.code).toBe("23000");
    expect(await snapshotOrg(t.db, org.id)).toEqual(before);
  });

  it("refuses demoting the only owner, in a transaction or on its own", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const before = await snapshotOrg(t.db, org.id);
    const inTransaction = await rejection(t.db.transaction(async (tx) => void (await setRole(tx, org, people.owner, "admin"))));
    expect(inTransaction.message).toContain(oneOwnerMessage);
    const alone = await rejection(setRole(t.db, org, people.owner, "viewer"));
    expect(alone.message).toContain(oneOwnerMessage);
    expect(await snapshotOrg(t.db, org.id)).toEqual(before);
  });

  it("refuses removing the owner by deleting their user", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const refused = await rejection(t.db.delete(users).where(eq(users.id, people.owner.id)));
    expect(refused.message).toContain(oneOwnerMessage);
    expect(await ownersOf(t.db, org.id)).toEqual([people.owner.id]);
  });

  it("allows a transfer inside one transaction: demote the old owner, then promote the new one", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    await t.db.transaction(async (tx) => {
      await setRole(tx, org, people.owner, "admin");
      await setRole(tx, org, people.developer, "owner");
    });
    expect(await ownersOf(t.db, org.id)).toEqual([people.developer.id]);
  });

  it("allows a transfer that removes the old owner, then adds a new one", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const newcomer = await makeUser(t.db);
    await t.db.transaction(async (tx) => {
      await tx.delete(memberships).where(inOrg(org, people.owner));
      await tx.insert(memberships).values({ orgId: org.id, userId: newcomer.id, role: "owner" });
    });
    expect(await ownersOf(t.db, org.id)).toEqual([newcomer.id]);
  });

  it("never holds two owners even for a moment: promoting before demoting is refused, and changes nothing", async () => {
    // The unique index is checked per statement (it cannot be deferred), so a transfer must demote
    // first. This documents that order; the deferred trigger covers only "at least one".
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const before = await snapshotOrg(t.db, org.id);
    const refused = await rejection(
      t.db.transaction(async (tx) => {
        await setRole(tx, org, people.admin, "owner");
        await setRole(tx, org, people.owner, "admin");
      }),
    );
    expect(refused.code).toBe("23505");
    expect(await snapshotOrg(t.db, org.id)).toEqual(before);
  });
});

describe("deleting an organization", () => {
  it("cascades its memberships and audit events, and nothing else", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    await auditAs(org, people.admin);
    const bystander = await makeTeamOrg(t.db, people.admin);
    const bystanderBefore = await snapshotOrg(t.db, bystander.id);
    expect((await snapshotOrg(t.db, org.id)).audit.length).toBeGreaterThan(0);

    await t.db.delete(organizations).where(eq(organizations.id, org.id));

    expect(await snapshotOrg(t.db, org.id)).toEqual({ org: null, members: [], audit: [] });
    expect(await t.db.$count(users, sql`${users.id} in (${people.owner.id}, ${people.admin.id})`)).toBe(2);
    const [owner] = await t.db.select().from(users).where(eq(users.id, people.owner.id));
    expect(owner.lastActiveOrgId).toBeNull();
    expect(await snapshotOrg(t.db, bystander.id)).toEqual(bystanderBefore);
  });
});

describe("audit events are append-only", () => {
  let org: Organization;
  let people: Awaited<ReturnType<typeof makeOrgWithEveryRole>>["users"];

  beforeAll(async () => {
    ({ org, users: people } = await makeOrgWithEveryRole(t.db));
    await auditAs(org, people.admin);
    await auditAs(org, people.viewer);
  });

  it("refuses UPDATE", async () => {
    const before = await snapshotOrg(t.db, org.id);
    const refused = await rejection(t.db.update(auditEvents).set({ action: "rewritten" }).where(eq(auditEvents.orgId, org.id)));
    expect(refused.code).toBe("42501");
    // Nulling the actor is the one update allowed, and only on its own.
    const sneaky = await rejection(
      t.db.update(auditEvents).set({ actorId: null, targetLabel: "rewritten" }).where(eq(auditEvents.orgId, org.id)),
    );
    expect(sneaky.code).toBe("42501");
    expect(await snapshotOrg(t.db, org.id)).toEqual(before);
  });

  it("refuses DELETE while the organization exists", async () => {
    const before = await snapshotOrg(t.db, org.id);
    const refused = await rejection(t.db.delete(auditEvents).where(eq(auditEvents.orgId, org.id)));
    expect(refused.code).toBe("42501");
    expect(await snapshotOrg(t.db, org.id)).toEqual(before);
  });

  it("keeps the events of a deleted user, with the actor nulled and the label kept", async () => {
    const before = (await snapshotOrg(t.db, org.id)).audit.filter((event) => event.actorId === people.viewer.id);
    expect(before).toHaveLength(1);
    await t.db.delete(users).where(eq(users.id, people.viewer.id));
    const after = (await snapshotOrg(t.db, org.id)).audit.filter((event) => event.id === before[0].id);
    expect(after).toEqual([{ ...before[0], actorId: null }]);
    expect(after[0].actorLabel).toContain("Victor Viewer");
  });
});

describe("owner races (real connections, repeated)", () => {
  const clientCount = 6;
  const rounds = 20;
  let clients: postgres.Sql[] = [];

  beforeAll(() => {
    clients = Array.from({ length: clientCount }, () => postgres(t.url, { max: 1, onnotice: () => {} }));
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
  });

  /** Runs `work` on every client at once, each in its own transaction, released together. */
  async function race(work: (tx: postgres.TransactionSql, index: number) => Promise<unknown>) {
    let arrived = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    return Promise.allSettled(
      clients.map((client, index) =>
        client.begin(async (tx) => {
          await tx`select 1`;
          if (++arrived === clients.length) release();
          await gate;
          return work(tx, index);
        }),
      ),
    );
  }

  async function orgWithAdmins() {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    const admins: User[] = [];
    for (let i = 0; i < clientCount; i++) {
      const admin = await makeUser(t.db);
      await addMember(t.db, org, admin, "admin");
      admins.push(admin);
    }
    return { org, owner, admins };
  }

  it("promoting different members at once never makes two owners", async () => {
    for (let round = 0; round < rounds; round++) {
      const { org, owner, admins } = await orgWithAdmins();
      const results = await race(
        (tx, i) => tx`update memberships set role = 'owner' where org_id = ${org.id} and user_id = ${admins[i].id}`,
      );
      expect(results.every((r) => r.status === "rejected")).toBe(true);
      expect(await ownersOf(t.db, org.id)).toEqual([owner.id]);
    }
  });

  it("concurrent transfers (demote the owner, promote someone) always leave exactly one owner", async () => {
    for (let round = 0; round < rounds; round++) {
      const { org, owner, admins } = await orgWithAdmins();
      const results = await race(async (tx, i) => {
        await tx`update memberships set role = 'admin' where org_id = ${org.id} and role = 'owner'`;
        await tx`update memberships set role = 'owner' where org_id = ${org.id} and user_id = ${admins[i].id}`;
      });
      // A transfer that starts after another committed demotes the new owner in turn: a chain of
      // transfers is fine, two owners at once is not.
      const winners = results.flatMap((r, i) => (r.status === "fulfilled" ? [admins[i].id] : []));
      expect(winners.length).toBeGreaterThanOrEqual(1);
      const owners = await ownersOf(t.db, org.id);
      expect(owners).toHaveLength(1);
      expect(winners).toContain(owners[0]);
      const [former] = await t.db.select().from(memberships).where(inOrg(org, owner));
      expect(former.role).toBe("admin");
      expect(await t.db.$count(memberships, eq(memberships.orgId, org.id))).toBe(clientCount + 1);
    }
  });

  it("concurrent demotions and removals of the owner never leave the organization without one", async () => {
    for (let round = 0; round < rounds; round++) {
      const { org, owner, admins } = await orgWithAdmins();
      const results = await race(async (tx, i) => {
        if (i % 2 === 0) await tx`delete from memberships where org_id = ${org.id} and role = 'owner'`;
        else await tx`update memberships set role = 'admin' where org_id = ${org.id} and user_id = ${owner.id}`;
        // A third of the callers also hand the organization to someone; the others only drop the owner.
        if (i % 3 !== 0) return false;
        await tx`update memberships set role = 'owner' where org_id = ${org.id} and user_id = ${admins[i].id}`;
        return true;
      });
      const owners = await ownersOf(t.db, org.id);
      expect(owners).toHaveLength(1);
      const winners = results.flatMap((r, i) => (r.status === "fulfilled" && r.value === true ? [admins[i].id] : []));
      // Whoever holds it is the original owner or someone a committed transfer handed it to.
      expect([owner.id, ...winners]).toContain(owners[0]);
      if (winners.length === 0) expect(owners).toEqual([owner.id]);
    }
  });
});
