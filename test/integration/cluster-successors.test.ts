import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { Organization, User } from "@/db/schema";

// Issue 12: the clusters page carries only how many clusters could take over as default; the
// Delete dialog of the default cluster fetches them from GET …/settings/clusters/successors. Its
// door is the page's (cluster.manage on the URL's organization), and only that organization's
// running or stopped, non-default clusters are listed.

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

const { useTestDatabase } = await import("./support/test-database");
const { session } = await import("./support/fake-session");
const { makeOrgWithEveryRole, uniqueTag } = await import("@/lib/factories");
const { makeCluster } = await import("@/lib/factories/clusters");
const { messages } = await import("@/lib/actions/run-action");
const { GET } = await import("@/app/(console)/orgs/[slug]/settings/clusters/successors/route");
const { loadClustersPage } = await import("@/lib/pages/clusters-page");

const t = useTestDatabase();
const holder = globalThis as { __orgConsoleDb?: Promise<{ db: Db; close: () => Promise<void> }> };
beforeAll(() => {
  holder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
});

function successorsAs(user: Pick<User, "id"> | null, slug: string) {
  session.userId = user?.id ?? null;
  return GET(new Request(`https://console.test/orgs/${slug}/settings/clusters/successors`), { params: Promise.resolve({ slug }) });
}

describe("GET the clusters that may take over as default", () => {
  let org: Organization;
  let people: Awaited<ReturnType<typeof makeOrgWithEveryRole>>["users"];
  const names = { main: `main-${uniqueTag()}`, stopped: `stopped-${uniqueTag()}`, running: `running-${uniqueTag()}` };
  beforeAll(async () => {
    ({ org, users: people } = await makeOrgWithEveryRole(t.db, { plan: "business" }));
    await makeCluster(t.db, org, { name: names.main, isDefault: true });
    await makeCluster(t.db, org, { name: names.running });
    await makeCluster(t.db, org, { name: names.stopped, status: "stopped" });
    await makeCluster(t.db, org, { name: `broken-${uniqueTag()}`, status: "error", failedAction: "start", statusReason: "Quota" });
    await makeCluster(t.db, org, { name: `busy-${uniqueTag()}`, status: "installing" });
  });

  it.each(["owner", "admin"] as const)("gives the %s the running and stopped clusters other than the default, as the page counts them", async (role) => {
    const response = await successorsAs(people[role], org.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const list = (await response.json()) as { id: string; name: string }[];
    expect(list.map((cluster) => cluster.name).sort()).toEqual([names.running, names.stopped].sort());
    expect(Object.keys(list[0]).sort()).toEqual(["id", "name"]);
    const page = await loadClustersPage(org.slug);
    if (!page.ok) throw new Error("the page should open");
    expect(page.page.successorCount).toBe(2);
  });

  it.each(["developer", "viewer"] as const)("refuses the %s with 403, saying the role it takes", async (role) => {
    const response = await successorsAs(people[role], org.slug);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(messages.forbidden("Admin"));
  });

  it("answers a non-member and a missing organization with 404, the signed-out with 401", async () => {
    expect((await successorsAs(people.outsider, org.slug)).status).toBe(404);
    expect((await successorsAs(people.owner, `missing-${uniqueTag()}`)).status).toBe(404);
    expect((await successorsAs(null, org.slug)).status).toBe(401);
  });

  it("lists only the organization of the URL", async () => {
    const { org: other, users: others } = await makeOrgWithEveryRole(t.db, { plan: "business" });
    await makeCluster(t.db, other, { name: `theirs-${uniqueTag()}` });
    const mine = (await (await successorsAs(people.owner, org.slug)).json()) as { name: string }[];
    expect(mine.map((cluster) => cluster.name)).not.toContain(expect.stringMatching(/^theirs-/));
    const theirs = (await (await successorsAs(others.owner, other.slug)).json()) as { name: string }[];
    expect(theirs.map((cluster) => cluster.name)).toEqual([expect.stringMatching(/^theirs-/)]);
  });
});
