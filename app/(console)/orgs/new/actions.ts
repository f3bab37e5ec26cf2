"use server";

import { userAction } from "@/lib/actions/org-action";
import * as orgs from "@/lib/orgs/actions";

export const createOrganization = userAction(orgs.createOrganization);
