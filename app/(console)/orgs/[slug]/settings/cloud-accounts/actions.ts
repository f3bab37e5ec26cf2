"use server";

import { orgAction } from "@/lib/actions/org-action";
import * as cloudAccounts from "@/lib/cloud-accounts/actions";

export const renameCloudAccountAction = orgAction(cloudAccounts.renameCloudAccount);
export const rotateCloudAccountAction = orgAction(cloudAccounts.rotateCloudAccount);
export const deleteCloudAccountAction = orgAction(cloudAccounts.deleteCloudAccount);
