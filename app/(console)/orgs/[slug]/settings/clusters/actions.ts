"use server";

import { z } from "zod";
import { orgAction } from "@/lib/actions/org-action";
import { requestClusterAction, setDefaultCluster } from "@/lib/clusters/manage";
import { clusterIdSchema } from "@/lib/clusters/schemas";

// The cluster id comes from the form; the domain looks it up in the organization of the URL only.
const cluster = z.object({ clusterId: clusterIdSchema });
const confirmed = cluster.extend({ confirmName: z.string().max(200).default("") });

export const stopClusterAction = orgAction({ permission: "cluster.manage", schema: confirmed }, async (ctx, input, db) =>
  requestClusterAction(db, ctx, { ...input, action: "stop" }),
);

export const startClusterAction = orgAction({ permission: "cluster.manage", schema: cluster }, async (ctx, input, db) =>
  requestClusterAction(db, ctx, { ...input, action: "start" }),
);

export const retryClusterAction = orgAction({ permission: "cluster.manage", schema: cluster }, async (ctx, input, db) =>
  requestClusterAction(db, ctx, { ...input, action: "retry" }),
);

export const deleteClusterAction = orgAction(
  {
    permission: "cluster.manage",
    // An empty select (no successor chosen) is "none": the domain asks for one when it is needed.
    schema: confirmed.extend({ successorId: z.preprocess((v) => (v === "" ? undefined : v), clusterIdSchema.optional()) }),
  },
  async (ctx, input, db) => requestClusterAction(db, ctx, { ...input, action: "delete" }),
);

export const setDefaultClusterAction = orgAction({ permission: "cluster.manage", schema: cluster }, async (ctx, input, db) =>
  setDefaultCluster(db, ctx, input.clusterId),
);
