import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestSmtpServer, startSmtpServer } from "./support/smtp-server";
import { useTestDatabase } from "./support/test-database";

// Issue 3: invitation and ownership emails go out through nodemailer over SMTP_URL. A real SMTP
// server on loopback receives them; the link in the email must be the one the database knows.
//
// lib/env.ts reads process.env when first imported and lib/mail/send.ts keeps one transport per
// process, so SMTP_URL is set before the app's modules are imported (dynamically, below).

const t = useTestDatabase();
const mailFrom = "Org Console Test <console@example.test>";
const mailHolder = globalThis as { __orgConsoleMail?: unknown };

let smtp: TestSmtpServer;
let app: {
  actions: typeof import("./support/member-actions");
  factories: typeof import("@/lib/factories");
  respond: typeof import("@/lib/invitations/respond");
  token: typeof import("@/lib/invitations/token");
  templates: typeof import("@/lib/mail/templates");
};

beforeAll(async () => {
  smtp = await startSmtpServer({ refuse: /^bounce-/ });
  vi.stubEnv("SMTP_URL", smtp.url);
  vi.stubEnv("MAIL_FROM", mailFrom);
  delete mailHolder.__orgConsoleMail;
  vi.resetModules();
  app = {
    actions: await import("./support/member-actions"),
    factories: await import("@/lib/factories"),
    respond: await import("@/lib/invitations/respond"),
    token: await import("@/lib/invitations/token"),
    templates: await import("@/lib/mail/templates"),
  };
});

afterAll(async () => {
  delete mailHolder.__orgConsoleMail;
  vi.unstubAllEnvs();
  await smtp?.close();
});

const linkPattern = /https:\/\/console\.test\/invitations\/([A-Za-z0-9_-]+)/;

function linkTokenOf(text: string | undefined): string {
  const match = linkPattern.exec(text ?? "");
  if (!match) throw new Error(`no invitation link in:\n${text}`);
  return match[1];
}

describe("invitation emails over SMTP", () => {
  it("reach each invitee with the subject, sender and a link that resolves to their invitation", async () => {
    const { act, invitationsOf } = app.actions;
    const { org, users: people } = await app.factories.makeOrgWithEveryRole(t.db);
    const tag = app.factories.uniqueTag();
    const addresses = [`ann-${tag}@example.test`, `bob-${tag}@example.test`];
    const result = await act(t.db, "invite", people.admin, org, { emails: addresses.map((a) => a.toUpperCase()).join(", "), role: "developer" });
    expect(result).toStrictEqual({ ok: true, message: "Invited 2 people as Developer." });

    const rows = await invitationsOf(t.db, org.id);
    for (const address of addresses) {
      const inbox = smtp.to(address);
      expect(inbox).toHaveLength(1);
      const [{ mail, envelopeFrom }] = inbox;
      expect(mail.subject).toBe(`${people.admin.name} invited you to join ${org.name} on Org Console`);
      expect(mail.from?.value).toEqual([{ name: "Org Console Test", address: "console@example.test" }]);
      expect(envelopeFrom).toBe("console@example.test");
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((entry) => entry.address) : []).toEqual([address]);
      expect(mail.text).toContain(`as Developer`);
      expect(mail.text).toContain(`The invitation is for ${address}`);

      const token = linkTokenOf(mail.text);
      expect(token.length).toBeGreaterThanOrEqual(43);
      const row = rows.find((candidate) => candidate.email === address)!;
      expect(app.token.hashToken(token)).toBe(row.tokenHash);
      expect(mail.text).toContain(row.expiresAt.toUTCString());
      expect(await app.respond.findInvitationByToken(t.db, token)).toMatchObject({
        id: row.id,
        email: address,
        role: "developer",
        state: "pending",
        org: { id: org.id, slug: org.slug, name: org.name },
        inviterName: people.admin.name,
      });
    }
  });

  it("the emailed link accepts the invitation for the invited user", async () => {
    const { act } = app.actions;
    const { org, users: people } = await app.factories.makeOrgWithEveryRole(t.db);
    const guest = await app.factories.makeUser(t.db);
    expect(await act(t.db, "invite", people.owner, org, { emails: guest.email, role: "viewer" })).toMatchObject({ ok: true });
    const token = linkTokenOf(smtp.to(guest.email).at(-1)?.mail.text);
    expect(await app.respond.acceptInvitation(t.db, { id: guest.id, name: guest.name, email: guest.email }, token)).toMatchObject({ ok: true, orgSlug: org.slug });
    expect(await app.actions.roleOf(t.db, org, guest)).toBe("viewer");
  });

  it("resend emails the same link again", async () => {
    const { act, invitationsOf } = app.actions;
    const { org, users: people } = await app.factories.makeOrgWithEveryRole(t.db);
    const address = `carl-${app.factories.uniqueTag()}@example.test`;
    await act(t.db, "invite", people.admin, org, { emails: address, role: "viewer" });
    const [row] = await invitationsOf(t.db, org.id);
    expect(await act(t.db, "resend", people.owner, org, { invitationId: row.id })).toStrictEqual({ ok: true, message: `Invitation sent again to ${address}.` });
    const inbox = smtp.to(address);
    expect(inbox).toHaveLength(2);
    expect(linkTokenOf(inbox[1].mail.text)).toBe(linkTokenOf(inbox[0].mail.text));
    expect(inbox[1].mail.subject).toBe(`${people.owner.name} invited you to join ${org.name} on Org Console`);
  });

  it("an address the mail server refuses still gets its invitation, and the inviter is told to send the link", async () => {
    const { act, invitationsOf } = app.actions;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { org, users: people } = await app.factories.makeOrgWithEveryRole(t.db);
    const tag = app.factories.uniqueTag();
    const [good, bounce] = [`good-${tag}@example.test`, `bounce-${tag}@example.test`];
    const result = await act(t.db, "invite", people.admin, org, { emails: `${good} ${bounce}`, role: "viewer" });
    expect(result).toStrictEqual({
      ok: true,
      message: `Invited 2 people as Viewer. The email to ${bounce} could not be sent: copy the invitation link from Pending invitations and send it yourself, or resend later.`,
    });
    expect((await invitationsOf(t.db, org.id)).map((row) => [row.email, row.status]).sort()).toEqual([
      [bounce, "pending"],
      [good, "pending"],
    ]);
    expect(smtp.to(good)).toHaveLength(1);
    expect(smtp.to(bounce)).toHaveLength(0);

    const bounced = (await invitationsOf(t.db, org.id)).find((row) => row.email === bounce)!;
    expect(await act(t.db, "resend", people.admin, org, { invitationId: bounced.id })).toMatchObject({
      ok: false,
      formError: `The email to ${bounce} could not be sent. Copy the invitation link and send it yourself.`,
    });
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe("ownership transfer emails", () => {
  it("tell the new owner and the previous owner", async () => {
    const { act } = app.actions;
    const { org, users: people } = await app.factories.makeOrgWithEveryRole(t.db);
    const result = await act(t.db, "transfer", people.owner, org, { userId: people.developer.id, confirmEmail: people.developer.email });
    expect(result).toMatchObject({ ok: true });

    const [toNew] = smtp.to(people.developer.email);
    expect(toNew.mail.subject).toBe(`You are now the owner of ${org.name}`);
    expect(toNew.mail.text).toContain(`${people.owner.name} transferred the ownership of ${org.name} to you. ${people.owner.name} is now an admin.`);
    expect(toNew.mail.text).toContain(`https://console.test/orgs/${org.slug}`);
    const [toPrevious] = smtp.to(people.owner.email);
    expect(toPrevious.mail.subject).toBe(`You transferred the ownership of ${org.name}`);
    expect(toPrevious.mail.text).toContain(`${people.developer.name} is now the owner of ${org.name}, and you are an admin.`);
    expect(toPrevious.mail.from?.value).toEqual([{ name: "Org Console Test", address: "console@example.test" }]);
  });

  it("a refused transfer sends nothing", async () => {
    const { act } = app.actions;
    const { org, users: people } = await app.factories.makeOrgWithEveryRole(t.db);
    expect(await act(t.db, "transfer", people.owner, org, { userId: people.developer.id, confirmEmail: "wrong@example.test" })).toMatchObject({ ok: false });
    expect(smtp.to(people.developer.email)).toEqual([]);
    expect(smtp.to(people.owner.email)).toEqual([]);
  });

  it("the template names both people, each email to its own reader", () => {
    const emails = app.templates.ownershipTransferredEmails({
      orgName: "Acme",
      previousOwner: { name: "Olivia", email: "olivia@example.test" },
      newOwner: { name: "Nadia", email: "nadia@example.test" },
      link: "https://console.test/orgs/acme",
    });
    expect(emails).toEqual([
      {
        to: "nadia@example.test",
        subject: "You are now the owner of Acme",
        text: "Olivia transferred the ownership of Acme to you. Olivia is now an admin.\n\nhttps://console.test/orgs/acme",
      },
      {
        to: "olivia@example.test",
        subject: "You transferred the ownership of Acme",
        text: "Nadia is now the owner of Acme, and you are an admin.\n\nhttps://console.test/orgs/acme",
      },
    ]);
  });
});
