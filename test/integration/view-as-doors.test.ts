import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { organizations, type Organization, type User } from "@/db/schema";
import { viewAsCookieValue, viewingRefusal } from "@/lib/authz/view-as";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { snapshotEverything } from "./support/view-as";
import { useTestDatabase } from "./support/test-database";

// The web's doors read the "view as a role" cookie themselves: the page loader, the server-action
// wrapper (orgAction) and the route door (orgRoute), each with the real session check. Here the
// browser's cookies are Next's `cookies()` (mocked), everything else is real.

const t = useTestDatabase();
const { session } = await import("./support/fake-session");
vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const holder = globalThis as { __orgConsoleDb?: Promise<{ db: Db; close: () => Promise<void> }> };

let org: Organization;
let people: Record<"owner" | "admin" | "developer" | "viewer" | "outsider", User>;
beforeAll(async () => {
  holder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
  ({ org, users: people } = await makeOrgWithEveryRole(t.db));
});
beforeEach(() => {
  jar.clear();
  session.userId = people.owner.id;
});

const viewAs = (role: "admin" | "developer" | "viewer") => jar.set("view-as", viewAsCookieValue({ orgId: org.id, role }));

describe("the page loader", () => {
  it("renders as the role being viewed as, with the real role beside it", async () => {
    const { loadOrgPage } = await import("@/lib/pages/org-page");
    const { loadSettingsPage } = await import("@/lib/pages/settings-page");
    viewAs("viewer");
    const ctx = await loadOrgPage(org.slug);
    expect(ctx).toMatchObject({ role: "viewer", viewingAs: { role: "viewer", realRole: "owner" } });
    expect(await loadSettingsPage(org.slug)).toEqual({
      ok: false,
      denial: { requiredRole: "Admin", currentRole: "Viewer", orgName: org.name, homeHref: `/orgs/${org.slug}` },
    });
  });

  it("ignores a malformed cookie, and one naming a role above the caller's", async () => {
    const { loadOrgPage } = await import("@/lib/pages/org-page");
    session.userId = people.developer.id;
    for (const value of ["garbage", `${org.id}:owner`, `${org.id}:admin`, `${org.id}:developer`]) {
      jar.set("view-as", value);
      expect(await loadOrgPage(org.slug)).toMatchObject({ role: "developer", viewingAs: null });
    }
  });
});

describe("orgAction, the server actions' wrapper", () => {
  it("starts viewing: audits, and sets the cookie for this organization", async () => {
    const { startViewingAs } = await import("@/app/(console)/orgs/[slug]/view-as-actions");
    const form = new FormData();
    form.set("role", "developer");
    expect(await startViewingAs(org.slug, null, form)).toEqual({ ok: true, message: `You are viewing ${org.name} as Developer.` });
    expect(jar.get("view-as")).toBe(viewAsCookieValue({ orgId: org.id, role: "developer" }));
  });

  it("refuses a write while viewing, with the database unchanged, and lets it through once stopped", async () => {
    const { updateGeneralInformation } = await import("@/lib/orgs/actions");
    const { orgAction } = await import("@/lib/actions/org-action");
    const { stopViewingAs } = await import("@/app/(console)/orgs/[slug]/view-as-actions");
    const update = orgAction(updateGeneralInformation);
    const form = new FormData();
    for (const [name, value] of Object.entries({ name: "Renamed", slug: org.slug, description: "", website: "", adminContactEmails: "" })) form.set(name, value);
    viewAs("admin");
    const before = await snapshotEverything(t.db, org.id);
    expect(await update(org.slug, null, form)).toMatchObject({ ok: false, formError: viewingRefusal("admin") });
    expect(await snapshotEverything(t.db, org.id)).toEqual(before);

    // Stopping needs no permission and writes nothing but the cookie away.
    await stopViewingAs();
    expect(jar.has("view-as")).toBe(false);
    expect(await snapshotEverything(t.db, org.id)).toEqual(before);
    expect(await update(org.slug, null, form)).toMatchObject({ ok: true });
    expect((await t.db.select().from(organizations).where(eq(organizations.id, org.id)))[0]?.name).toBe("Renamed");
  });
});

describe("orgRoute, the route handlers' door", () => {
  it("answers a download as the viewed role would get it", async () => {
    const { GET } = await import("@/app/(console)/orgs/[slug]/settings/export/route");
    viewAs("developer");
    const response = await GET(new Request(`https://console.test/orgs/${org.slug}/settings/export`), { params: Promise.resolve({ slug: org.slug }) });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("You need the Admin role to do this.");
  });

  it("refuses anything but GET and HEAD while viewing", async () => {
    const { orgRoute } = await import("@/lib/actions/org-route");
    let ran = 0;
    const route = orgRoute({ permission: "project.read" }, async () => {
      ran++;
      return new Response("done");
    });
    viewAs("developer");
    const post = await route(new Request("https://console.test/x", { method: "POST" }), { params: Promise.resolve({ slug: org.slug }) });
    expect(post.status).toBe(403);
    expect(await post.text()).toBe(viewingRefusal("developer"));
    expect(ran).toBe(0);
    const get = await route(new Request("https://console.test/x"), { params: Promise.resolve({ slug: org.slug }) });
    expect(get.status).toBe(200);
    expect(ran).toBe(1);
  });
});
