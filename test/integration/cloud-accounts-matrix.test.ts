import { describe, expect, it } from "vitest";
import { messages } from "@/lib/actions/run-action";
import { memberRoles, type MemberRole, minimumRoleFor, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { makeCloudAccount, sampleCredentials } from "@/lib/factories/cloud-accounts";
import { actOnCloudAccount, cloudAccountActions, type CloudAccountActionName, credentialsForm, snapshotCloudAccounts } from "./support/cloud-account-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 15: cloud_account.manage × every role × a non-member for each of the page's actions, at
// the action door. Allowed callers change what they asked for with one audit event; refused ones
// get the door's message and leave cloud_accounts, clusters and audit_events as they were.

const t = useTestDatabase();

type Caller = MemberRole | "outsider";
const callers: Caller[] = [...memberRoles, "outsider"];
const names = Object.keys(cloudAccountActions) as CloudAccountActionName[];

async function fixture() {
  const { org, users } = await makeOrgWithEveryRole(t.db);
  const account = await makeCloudAccount(t.db, org, { name: "main", provider: "aws" });
  return { org, users, account };
}

function inputFor(name: CloudAccountActionName, accountId: string): Record<string, string> {
  switch (name) {
    case "add":
      return { name: "added", ...credentialsForm(sampleCredentials("scaleway")) };
    case "rename":
      return { cloudAccountId: accountId, name: "renamed" };
    case "rotate":
      return { cloudAccountId: accountId, ...credentialsForm(sampleCredentials("aws")) };
    case "delete":
      return { cloudAccountId: accountId };
  }
}

const audits: Record<CloudAccountActionName, string> = {
  add: "cloud_account.create",
  rename: "cloud_account.rename",
  rotate: "cloud_account.rotate",
  delete: "cloud_account.delete",
};

describe.each(names)("cloud_account.manage: %s", (name) => {
  it("is declared with cloud_account.manage", () => {
    expect(cloudAccountActions[name].permission).toBe("cloud_account.manage");
  });

  it.each(callers)("as %s", async (caller) => {
    const f = await fixture();
    const user = f.users[caller];
    const allowed = caller !== "outsider" && roleHasPermission(caller, "cloud_account.manage");
    const before = await snapshotCloudAccounts(t.db, f.org.id);

    const result = await actOnCloudAccount(t.db, name, user, f.org, inputFor(name, f.account.id));

    if (!allowed) {
      const formError = caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor("cloud_account.manage")]);
      expect(result).toStrictEqual({ ok: false, formError });
      expect(await snapshotCloudAccounts(t.db, f.org.id)).toEqual(before);
      return;
    }

    expect(result).toMatchObject({ ok: true });
    const after = await snapshotCloudAccounts(t.db, f.org.id);
    expect(after.audit).toHaveLength(before.audit.length + 1);
    expect(after.audit.at(-1)).toMatchObject({ orgId: f.org.id, actorId: user.id, action: audits[name], origin: "ui", targetType: "cloud_account" });
    expect(after.clusters).toEqual(before.clusters);
    const main = after.accounts.find((a) => a.id === f.account.id);
    switch (name) {
      case "add":
        expect(after.accounts).toHaveLength(2);
        expect(after.accounts.find((a) => a.name === "added")).toMatchObject({ provider: "scaleway", lastUsedAt: null });
        break;
      case "rename":
        expect(main).toMatchObject({ name: "renamed", credentialsSealed: f.account.credentialsSealed });
        break;
      case "rotate":
        expect(main?.name).toBe("main");
        expect(main?.credentialsSealed).not.toBe(f.account.credentialsSealed);
        break;
      case "delete":
        expect(after.accounts).toEqual([]);
        break;
    }
  });
});
