"use server";

import { orgAction } from "@/lib/actions/org-action";
import { createCluster } from "@/lib/clusters/manage";
import { newClusterSchema } from "@/lib/clusters/schemas";

export const createClusterAction = orgAction({ permission: "cluster.manage", schema: newClusterSchema }, async (ctx, input, db) => {
  // Browsers submit a textarea's line breaks as CRLF: store the kubeconfig as the file was.
  const result = await createCluster(db, ctx, { ...input, kubeconfig: input.kubeconfig.replace(/\r\n?/g, "\n") });
  return result.ok ? { ...result, redirectTo: `/orgs/${ctx.org.slug}/settings/clusters` } : result;
});
