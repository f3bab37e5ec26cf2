import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { slugRedirects } from "@/db/schema";
import { messages, runOrgAction } from "@/lib/actions/run-action";
import { makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { requestedPathHeader } from "@/lib/http/proxy-security";
import { updateGeneralInformation } from "@/lib/orgs/actions";
import { findRenamedSlug } from "@/lib/orgs/slug-redirects";
import { useTestDatabase } from "./support/test-database";

// Issue 15, part 4: a renamed slug keeps working. The rename writes the old slug in its
// transaction; /orgs/<old>/… redirects members (308) to the same path under the current slug, a
// chain of renames included, until another organization takes the slug; non-members and every
// action or API see no organization there.

const t = useTestDatabase();

// The page loader reads the session (faked, with a real session row), the app's database handle
// (this file's), and the path the proxy passes on in a request header (Next's, given here).
const { session } = await import("./support/fake-session");
vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());
const requested = { path: "" };
// No "view as a role" cookie: the page loader reads it next to the session (lib/authz/view-as-cookie.ts).
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [requestedPathHeader]: requested.path }), cookies: async () => ({ get: () => undefined }) }));
const holder = globalThis as { __orgConsoleDb?: Promise<{ db: Db; close: () => Promise<void> }> };
beforeAll(() => {
  holder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
});
beforeEach(() => {
  session.userId = null;
});

const details = (slug: string) => ({ name: "Acme", slug, description: "", website: "", adminContactEmails: "" });

async function rename(userId: string, from: string, to: string) {
  const result = await runOrgAction(updateGeneralInformation, { db: t.db, userId, slug: from, input: details(to) });
  expect(result).toMatchObject({ ok: true, redirectTo: `/orgs/${to}/settings/general` });
}

/** What the org pages answer for `path` as `userId`: Next's digest for a redirect or a 404, or "page". */
async function openAs(userId: string, slug: string, path: string): Promise<string> {
  const { loadOrgPage } = await import("@/lib/pages/org-page");
  session.userId = userId;
  requested.path = path;
  try {
    const ctx = await loadOrgPage(slug);
    return `page ${ctx.org.slug}`;
  } catch (error) {
    return String((error as { digest?: string }).digest ?? error);
  }
}

const redirectTo = (path: string) => `NEXT_REDIRECT;replace;${path};308;`;
const notFound = "NEXT_HTTP_ERROR_FALLBACK;404";
const slugs = () => ({ a: `a-${uniqueTag()}`, b: `b-${uniqueTag()}`, c: `c-${uniqueTag()}` });

describe("a renamed organization's old slug", () => {
  it("is written by the rename, and sends members to the same page and query under the new slug (308)", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const { b } = slugs();
    await rename(users.admin.id, org.slug, b);
    expect(await t.db.select({ oldSlug: slugRedirects.oldSlug, orgId: slugRedirects.orgId }).from(slugRedirects).where(eq(slugRedirects.orgId, org.id))).toEqual([
      { oldSlug: org.slug, orgId: org.id },
    ]);
    for (const role of ["owner", "admin", "developer", "viewer"] as const) {
      expect(await openAs(users[role].id, org.slug, `/orgs/${org.slug}/settings/members?q=ann&after=x`)).toBe(redirectTo(`/orgs/${b}/settings/members?q=ann&after=x`));
    }
    expect(await openAs(users.viewer.id, org.slug, `/orgs/${org.slug}`)).toBe(redirectTo(`/orgs/${b}`));
    // A client navigation's _rsc parameter is not the page's; a forged path goes to the home.
    expect(await openAs(users.viewer.id, org.slug, `/orgs/${org.slug}/projects?_rsc=1x2&q=a`)).toBe(redirectTo(`/orgs/${b}/projects?q=a`));
    expect(await openAs(users.viewer.id, org.slug, "https://evil.test/orgs/x")).toBe(redirectTo(`/orgs/${b}`));
    expect(await openAs(users.viewer.id, b, `/orgs/${b}`)).toBe(`page ${b}`);
  });

  it("is a plain 404 for a non-member (the new slug of a private organization is not told), and for anyone where no organization was", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const { b } = slugs();
    await rename(users.owner.id, org.slug, b);
    expect(await openAs(users.outsider.id, org.slug, `/orgs/${org.slug}/settings`)).toBe(notFound);
    expect(await findRenamedSlug(t.db, users.outsider.id, org.slug)).toBeNull();
    expect(await openAs(users.owner.id, `never-${uniqueTag()}`, "/orgs/never")).toBe(notFound);
  });

  it("is written only by a rename that passes the door (org.edit): a developer, a viewer or an outsider writes nothing", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    for (const caller of [users.developer, users.viewer, users.outsider]) {
      const result = await runOrgAction(updateGeneralInformation, { db: t.db, userId: caller.id, slug: org.slug, input: details(`x-${uniqueTag()}`) });
      expect(result).toMatchObject({ ok: false });
    }
    expect(await t.db.select().from(slugRedirects).where(eq(slugRedirects.orgId, org.id))).toEqual([]);
  });

  it("is not the organization for any action or API: only the current slug is", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const { b } = slugs();
    await rename(users.owner.id, org.slug, b);
    const viaOld = await runOrgAction(updateGeneralInformation, { db: t.db, userId: users.owner.id, slug: org.slug, input: details(`x-${uniqueTag()}`) });
    expect(viaOld).toStrictEqual({ ok: false, formError: messages.notFound });
  });

  it("follows a chain of renames (a → b → c): a and b both go to c, without a loop", async () => {
    const { users } = await makeOrgWithEveryRole(t.db);
    const { a, b, c } = slugs();
    const org = await makeTeamOrg(t.db, users.owner, { slug: a });
    await rename(users.owner.id, a, b);
    await rename(users.owner.id, b, c);
    expect(await openAs(users.owner.id, a, `/orgs/${a}/settings/general`)).toBe(redirectTo(`/orgs/${c}/settings/general`));
    expect(await openAs(users.owner.id, b, `/orgs/${b}/projects/new`)).toBe(redirectTo(`/orgs/${c}/projects/new`));
    expect((await t.db.select().from(slugRedirects).where(eq(slugRedirects.orgId, org.id))).map((row) => row.oldSlug).sort()).toEqual([a, b].sort());
  });

  it("renaming back to an old slug takes it back: no redirect from the current slug", async () => {
    const { users } = await makeOrgWithEveryRole(t.db);
    const { a, b } = slugs();
    const org = await makeTeamOrg(t.db, users.owner, { slug: a });
    await rename(users.owner.id, a, b);
    await rename(users.owner.id, b, a);
    expect((await t.db.select().from(slugRedirects).where(eq(slugRedirects.orgId, org.id))).map((row) => row.oldSlug)).toEqual([b]);
    expect(await openAs(users.owner.id, a, `/orgs/${a}`)).toBe(`page ${a}`);
    expect(await openAs(users.owner.id, b, `/orgs/${b}/settings`)).toBe(redirectTo(`/orgs/${a}/settings`));
  });

  it("is freed when another organization is created with it: the redirect is gone for good, the new owner has the slug", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const old = org.slug;
    const { b } = slugs();
    await rename(users.owner.id, old, b);
    const newcomer = await makeUser(t.db);
    const taker = await makeTeamOrg(t.db, newcomer, { slug: old });
    expect(await t.db.select().from(slugRedirects).where(eq(slugRedirects.oldSlug, old))).toEqual([]);
    expect(await openAs(newcomer.id, old, `/orgs/${old}`)).toBe(`page ${old}`);
    // The first organization's members now get the new holder's 404 (they are not in it).
    expect(await openAs(users.owner.id, old, `/orgs/${old}`)).toBe(notFound);
    // Even after the taker moves on, the old slug points at the taker, never back at the first.
    const { c } = slugs();
    await rename(newcomer.id, old, c);
    expect(await openAs(users.owner.id, old, `/orgs/${old}`)).toBe(notFound);
    expect(await openAs(newcomer.id, old, `/orgs/${old}/settings`)).toBe(redirectTo(`/orgs/${c}/settings`));
    expect(taker.id).not.toBe(org.id);
  });

  it("is freed when another organization is renamed to it", async () => {
    const first = await makeOrgWithEveryRole(t.db);
    const second = await makeOrgWithEveryRole(t.db);
    const old = first.org.slug;
    const { b } = slugs();
    await rename(first.users.owner.id, old, b);
    await rename(second.users.admin.id, second.org.slug, old);
    expect((await t.db.select().from(slugRedirects).where(eq(slugRedirects.oldSlug, old))).length).toBe(0);
    expect(await openAs(second.users.viewer.id, old, `/orgs/${old}`)).toBe(`page ${old}`);
    expect(await openAs(first.users.viewer.id, old, `/orgs/${old}`)).toBe(notFound);
    // The second organization's own old slug now redirects its members.
    expect(await openAs(second.users.viewer.id, second.org.slug, `/orgs/${second.org.slug}`)).toBe(redirectTo(`/orgs/${old}`));
  });

  it("goes with its organization when the organization is deleted", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    await rename(users.owner.id, org.slug, slugs().b);
    const { organizations } = await import("@/db/schema");
    await t.db.delete(organizations).where(eq(organizations.id, org.id));
    expect(await t.db.select().from(slugRedirects).where(eq(slugRedirects.orgId, org.id))).toEqual([]);
  });
});
