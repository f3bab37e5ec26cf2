"use server";

import { orgAction } from "@/lib/actions/org-action";
import * as clusters from "@/lib/clusters/actions";

export const createClusterAction = orgAction(clusters.createCluster);
