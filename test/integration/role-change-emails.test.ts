import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestSmtpServer, startSmtpServer } from "./support/smtp-server";
import { useTestDatabase } from "./support/test-database";

// Issue 15, part 5: a member made Admin, or an Admin demoted, is a change of power: the owner is
// emailed when someone else made it (as GitHub tells owners), and the member is told of their own
// new role. Other role changes send nothing. A real SMTP server on loopback receives them; SMTP_URL
// is set before the app's modules are imported (see mail.test.ts).

const t = useTestDatabase();
const mailHolder = globalThis as { __orgConsoleMail?: unknown };

let smtp: TestSmtpServer;
let app: {
  actions: typeof import("./support/member-actions");
  factories: typeof import("@/lib/factories");
};

beforeAll(async () => {
  smtp = await startSmtpServer({ refuse: /^bounce-/ });
  vi.stubEnv("SMTP_URL", smtp.url);
  vi.stubEnv("MAIL_FROM", "Org Console Test <console@example.test>");
  delete mailHolder.__orgConsoleMail;
  vi.resetModules();
  app = { actions: await import("./support/member-actions"), factories: await import("@/lib/factories") };
});

afterAll(async () => {
  delete mailHolder.__orgConsoleMail;
  vi.unstubAllEnvs();
  await smtp?.close();
});

const subjects = (address: string) => smtp.to(address).map((email) => email.mail.subject);

describe("changes of power are emailed", () => {
  it("an admin making a developer Admin: the owner and the developer are told, the admin who did it is not", async () => {
    const { org, users } = await app.factories.makeOrgWithEveryRole(t.db);
    const result = await app.actions.act(t.db, "changeRole", users.admin, org, { userId: users.developer.id, role: "admin" });
    expect(result).toStrictEqual({ ok: true, message: `${users.developer.name} is now Admin.` });

    const [toOwner] = smtp.to(users.owner.email);
    expect(smtp.to(users.owner.email)).toHaveLength(1);
    expect(toOwner.mail.subject).toBe(`${users.developer.name} is now an Admin of ${org.name}`);
    expect(toOwner.mail.text).toContain(
      `${users.admin.name} (${users.admin.email}) changed the role of ${users.developer.name} (${users.developer.email}) in ${org.name} (${org.slug}) from Developer to Admin on `,
    );
    expect(toOwner.mail.text).toContain(`https://console.test/orgs/${org.slug}/settings/members`);
    expect(toOwner.mail.text).toContain(`You received this email because you are the owner of ${org.name}.`);
    expect(toOwner.mail.from?.value).toEqual([{ name: "Org Console Test", address: "console@example.test" }]);

    expect(subjects(users.developer.email)).toEqual([`You are now an Admin of ${org.name}`]);
    expect(smtp.to(users.developer.email)[0].mail.text).toContain(`${users.admin.name} changed your role in ${org.name} (${org.slug}) from Developer to Admin`);
    expect(smtp.to(users.admin.email)).toEqual([]);
  });

  it("the owner making a viewer Admin, then demoting them: only the member is told (the owner did it)", async () => {
    const { org, users } = await app.factories.makeOrgWithEveryRole(t.db);
    expect(await app.actions.act(t.db, "changeRole", users.owner, org, { userId: users.viewer.id, role: "admin" })).toMatchObject({ ok: true });
    expect(await app.actions.act(t.db, "changeRole", users.owner, org, { userId: users.viewer.id, role: "developer" })).toMatchObject({ ok: true });
    expect(subjects(users.viewer.email)).toEqual([`You are now an Admin of ${org.name}`, `You are no longer an Admin of ${org.name}`]);
    expect(smtp.to(users.viewer.email)[1].mail.text).toContain("from Admin to Developer");
    expect(smtp.to(users.owner.email)).toEqual([]);
  });

  it("changes that neither give nor take Admin, refused changes and no-ops send nothing", async () => {
    const { org, users } = await app.factories.makeOrgWithEveryRole(t.db);
    expect(await app.actions.act(t.db, "changeRole", users.admin, org, { userId: users.developer.id, role: "viewer" })).toMatchObject({ ok: true });
    expect(await app.actions.act(t.db, "changeRole", users.owner, org, { userId: users.viewer.id, role: "developer" })).toMatchObject({ ok: true });
    expect(await app.actions.act(t.db, "changeRole", users.owner, org, { userId: users.admin.id, role: "admin" })).toMatchObject({ ok: true });
    // Refused: a developer may not change roles, and an admin may not demote another admin.
    expect(await app.actions.act(t.db, "changeRole", users.developer, org, { userId: users.viewer.id, role: "admin" })).toMatchObject({ ok: false });
    const peer = await app.factories.makeUser(t.db);
    await app.factories.addMember(t.db, org, peer, "admin");
    expect(await app.actions.act(t.db, "changeRole", users.admin, org, { userId: peer.id, role: "viewer" })).toMatchObject({ ok: false });
    for (const person of [users.owner, users.admin, users.developer, users.viewer, peer]) expect(smtp.to(person.email)).toEqual([]);
  });

  it("a notice the mail server refuses does not undo the change, and the caller is told", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { org, users } = await app.factories.makeOrgWithEveryRole(t.db);
    const bounce = await app.factories.makeUser(t.db, { email: `bounce-${app.factories.uniqueTag()}@example.test` });
    await app.factories.addMember(t.db, org, bounce, "developer");
    const result = await app.actions.act(t.db, "changeRole", users.admin, org, { userId: bounce.id, role: "admin" });
    expect(result).toStrictEqual({ ok: true, message: `${bounce.name} is now Admin. The notice to ${bounce.email} could not be emailed.` });
    expect(await app.actions.roleOf(t.db, org, bounce)).toBe("admin");
    expect(subjects(users.owner.email)).toEqual([`${bounce.name} is now an Admin of ${org.name}`]);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
