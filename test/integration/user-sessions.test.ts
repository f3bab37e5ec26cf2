import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { userSessions, users } from "@/db/schema";
import { messages, runOrgAction, runUserAction } from "@/lib/actions/run-action";
import { signOutOtherSessions } from "@/lib/auth/actions";
import { countOtherSessions, endSession, loadSessionUser, startSession } from "@/lib/auth/user-sessions";
import { authorize } from "@/lib/authz/authorize";
import { makeOrgWithEveryRole, makeUser } from "@/lib/factories";
import { updateGeneralInformation } from "@/lib/orgs/actions";
import { snapshotOrg } from "./support/snapshot";
import { useTestDatabase } from "./support/test-database";

// Issue 13: sessions the server can end. The doors check the cookie's session row in the query
// they make anyway; a signed-out (or copied) cookie is refused and changes nothing.

const t = useTestDatabase();

const details = (slug: string) => ({ name: "Renamed with a dead session", slug, description: "", website: "", adminContactEmails: "" });

describe("a session the server ended", () => {
  it("opens the organization while its row exists, and is signed out once it is gone", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const sessionId = await startSession(t.db, people.owner.id, "test browser");
    const live = await authorize(t.db, { userId: people.owner.id, sessionId, slug: org.slug, permission: "org.edit" });
    expect(live.ok).toBe(true);

    await endSession(t.db, sessionId);
    const ended = await authorize(t.db, { userId: people.owner.id, sessionId, slug: org.slug, permission: "org.edit" });
    expect(ended).toEqual({ ok: false, reason: "signed-out" });
    // A token from before session rows (no sid) is no better.
    expect(await authorize(t.db, { userId: people.owner.id, sessionId: null, slug: org.slug, permission: "org.edit" })).toEqual({ ok: false, reason: "signed-out" });
  });

  it("cannot write, and the organization stays as it was", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const sessionId = await startSession(t.db, people.admin.id, null);
    await endSession(t.db, sessionId);
    const before = await snapshotOrg(t.db, org.id);
    const result = await runOrgAction(updateGeneralInformation, { db: t.db, userId: people.admin.id, sessionId, slug: org.slug, input: details(org.slug) });
    expect(result).toMatchObject({ ok: false, formError: messages.signedOut });
    expect(await snapshotOrg(t.db, org.id)).toEqual(before);
  });

  it("is not another user's session: a session row names its own user only", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const someoneElses = await startSession(t.db, people.viewer.id, null);
    expect(await authorize(t.db, { userId: people.owner.id, sessionId: someoneElses, slug: org.slug, permission: "org.edit" })).toEqual({ ok: false, reason: "signed-out" });
  });

  it("ends with the account: removing a user removes every session", async () => {
    const user = await makeUser(t.db);
    const sessionId = await startSession(t.db, user.id, null);
    expect(await loadSessionUser(t.db, { userId: user.id, sessionId })).toMatchObject({ id: user.id, email: user.email });
    await t.db.delete(users).where(eq(users.id, user.id));
    expect(await t.db.select().from(userSessions).where(eq(userSessions.userId, user.id))).toEqual([]);
    expect(await loadSessionUser(t.db, { userId: user.id, sessionId })).toBeNull();
  });
});

describe("Sign out of all other sessions", () => {
  it("ends every other session of the user, keeps this one and nobody else's", async () => {
    const user = await makeUser(t.db);
    const other = await makeUser(t.db);
    const current = await startSession(t.db, user.id, "this browser");
    const laptop = await startSession(t.db, user.id, "laptop");
    await startSession(t.db, user.id, "phone");
    const theirs = await startSession(t.db, other.id, "theirs");
    expect(await countOtherSessions(t.db, { userId: user.id, sessionId: current })).toBe(2);

    const result = await runUserAction(signOutOtherSessions, {
      db: t.db,
      userId: user.id,
      sessionId: current,
      input: {},
    });
    expect(result).toMatchObject({ ok: true, message: "Signed out of 2 other sessions." });
    expect(await loadSessionUser(t.db, { userId: user.id, sessionId: current })).not.toBeNull();
    expect(await loadSessionUser(t.db, { userId: user.id, sessionId: laptop })).toBeNull();
    expect(await loadSessionUser(t.db, { userId: other.id, sessionId: theirs })).not.toBeNull();
    expect(await countOtherSessions(t.db, { userId: user.id, sessionId: current })).toBe(0);
  });

  it("is refused from a session already ended elsewhere, ending nothing", async () => {
    const user = await makeUser(t.db);
    const ended = await startSession(t.db, user.id, null);
    const laptop = await startSession(t.db, user.id, "laptop");
    await endSession(t.db, ended);
    const result = await runUserAction(signOutOtherSessions, {
      db: t.db,
      userId: user.id,
      sessionId: ended,
      input: {},
    });
    expect(result).toMatchObject({ ok: false, formError: messages.signedOut });
    expect(await loadSessionUser(t.db, { userId: user.id, sessionId: laptop })).not.toBeNull();
  });
});
