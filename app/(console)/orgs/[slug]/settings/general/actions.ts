"use server";

import { orgAction } from "@/lib/actions/org-action";
import * as orgs from "@/lib/orgs/actions";

export const updateGeneralInformation = orgAction(orgs.updateGeneralInformation);
