import { describe, expect, it, vi } from "vitest";

// Issue 13, item 7: the audit log's actor filter resolves an email only among the organization's
// members and past actors, so it cannot tell whether an email has an account elsewhere on the
// console. The page loader runs through its real door (the session is the one thing faked).

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

const { useTestDatabase } = await import("./support/test-database");
const { useAuditLogDoors } = await import("./support/audit-log");
const { act } = await import("./support/member-actions");
const { makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } = await import("@/lib/factories");
const { unknownActorNotice } = await import("@/lib/pages/audit-log-page");

const t = useTestDatabase();
const { loadAs, insertEvents } = useAuditLogDoors(t);

describe("the actor filter", () => {
  it("answers an unknown email and an outsider's email with the same page", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    // An account elsewhere on the console, active in an organization of its own.
    const outsider = await makeUser(t.db);
    const theirs = await makeTeamOrg(t.db, outsider);
    await insertEvents(theirs, outsider, 2);
    const unknown = `nobody-${uniqueTag()}@example.test`;

    const pageFor = async (email: string) => {
      const access = await loadAs(people.admin, org, { actor: email });
      if (!access.ok) throw new Error("refused");
      // The email itself is echoed (in the field and the links): everything else must match.
      return JSON.parse(JSON.stringify(access.page).replaceAll(encodeURIComponent(email), "EMAIL").replaceAll(email, "EMAIL"));
    };
    const forUnknown = await pageFor(unknown);
    const forOutsider = await pageFor(outsider.email);
    expect(forOutsider).toEqual(forUnknown);
    expect(forUnknown.events).toEqual([]);
    expect(forUnknown.notice).toBe(unknownActorNotice("EMAIL"));
  });

  it("still finds a past actor who has left, and knows a member who never acted", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    await insertEvents(org, people.developer, 2);
    expect(await act(t.db, "leave", people.developer, org)).toMatchObject({ ok: true });

    const left = await loadAs(people.owner, org, { actor: people.developer.email });
    if (!left.ok) throw new Error("refused");
    // Their two events and the one recording that they left.
    expect(left.page.events).toHaveLength(3);
    expect(left.page.events.every((event) => event.actor.email === people.developer.email)).toBe(true);
    expect(left.page.notice).toBeNull();

    const quiet = await loadAs(people.owner, org, { actor: people.viewer.email });
    if (!quiet.ok) throw new Error("refused");
    expect(quiet.page).toMatchObject({ events: [], notice: null });
  });
});
