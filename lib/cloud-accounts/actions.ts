import { defineOrgAction } from "@/lib/actions/define";
import * as changes from "./account-changes";
import { secretFields } from "./credentials";
import { deleteCloudAccountSchema, newCloudAccountSchema, renameCloudAccountSchema, rotateCloudAccountSchema } from "./schemas";

// The Cloud accounts page's actions. The account id comes from the form; the domain looks it up in
// the organization of the URL only. Secrets are never echoed back, even to the form that sent them.

const accountsPath = (slug: string) => `/orgs/${slug}/settings/cloud-accounts`;

export const addCloudAccount = defineOrgAction(
  { permission: "cloud_account.manage", schema: newCloudAccountSchema, secretFields },
  async (ctx, { name, ...credentials }, db) => {
    const result = await changes.addCloudAccount(db, ctx, { name, credentials });
    return result.ok ? { ...result, redirectTo: accountsPath(ctx.org.slug) } : result;
  },
);

export const renameCloudAccount = defineOrgAction({ permission: "cloud_account.manage", schema: renameCloudAccountSchema }, (ctx, input, db) =>
  changes.renameCloudAccount(db, ctx, input),
);

export const rotateCloudAccount = defineOrgAction(
  { permission: "cloud_account.manage", schema: rotateCloudAccountSchema, secretFields },
  (ctx, { cloudAccountId, ...credentials }, db) => changes.rotateCloudAccount(db, ctx, { cloudAccountId, credentials }),
);

export const deleteCloudAccount = defineOrgAction({ permission: "cloud_account.manage", schema: deleteCloudAccountSchema }, (ctx, input, db) =>
  changes.deleteCloudAccount(db, ctx, input),
);
