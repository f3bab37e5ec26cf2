"use server";

import { orgAction } from "@/lib/actions/org-action";
import * as clusters from "@/lib/clusters/actions";

export const stopClusterAction = orgAction(clusters.stopCluster);
export const startClusterAction = orgAction(clusters.startCluster);
export const retryClusterAction = orgAction(clusters.retryCluster);
export const deleteClusterAction = orgAction(clusters.deleteCluster);
export const setDefaultClusterAction = orgAction(clusters.setDefaultCluster);
