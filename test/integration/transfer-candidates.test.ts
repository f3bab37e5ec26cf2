import { describe, expect, it, vi } from "vitest";
import { addMember, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { addBulkMembers, insertBulkUsers } from "@/lib/factories/bulk";
import { listTransferCandidates, transferCandidateLimit } from "@/lib/pages/danger-zone-page";
import { useTestDatabase } from "./support/test-database";

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

// The Danger Zone's "Transfer ownership" picker: admins first, then the other members, each
// longest-standing first, never the owner, at most 50, read without sorting the whole membership.

const t = useTestDatabase();

describe("transfer candidates", () => {
  it("lists admins in the order they joined, then the other members in the order they joined, without the owner", async () => {
    const tag = uniqueTag();
    const owner = await makeUser(t.db, { name: `Owner ${tag}` });
    const org = await makeTeamOrg(t.db, owner);
    const first = await makeUser(t.db, { name: `zed first ${tag}` });
    await addMember(t.db, org, first, "viewer");
    const second = await makeUser(t.db, { name: `Amy second ${tag}` });
    await addMember(t.db, org, second, "developer");
    const adminB = await makeUser(t.db, { name: `bea admin ${tag}` });
    await addMember(t.db, org, adminB, "admin");
    const adminA = await makeUser(t.db, { name: `Abe admin ${tag}` });
    await addMember(t.db, org, adminA, "admin");

    const candidates = await listTransferCandidates(t.db, org.id);
    expect(candidates.map((candidate) => candidate.userId)).toEqual([adminB.id, adminA.id, first.id, second.id]);
    expect(candidates[0]).toEqual({ userId: adminB.id, label: adminB.name, email: adminB.email });
  });

  it("stops at the limit in a large organization, admins included first", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    const crowd = await insertBulkUsers(t.db, { prefix: `crowd-${uniqueTag()}`, count: 120 });
    await addBulkMembers(t.db, org.id, crowd, ["developer"]);
    const admin = await makeUser(t.db, { name: "Zoe Admin" });
    await addMember(t.db, org, admin, "admin");

    const candidates = await listTransferCandidates(t.db, org.id);
    expect(candidates).toHaveLength(transferCandidateLimit);
    expect(candidates[0].userId).toBe(admin.id);
    expect(candidates.some((candidate) => candidate.userId === owner.id)).toBe(false);
  });
});
