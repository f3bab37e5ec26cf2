"use server";

import { orgAction } from "@/lib/actions/org-action";
import * as cloudAccounts from "@/lib/cloud-accounts/actions";

export const addCloudAccountAction = orgAction(cloudAccounts.addCloudAccount);
