"use server";

import { orgAction } from "@/lib/actions/org-action";
import { changePlanDefinition, handleChangePlan } from "@/lib/billing/actions/plans";

export const changePlanAction = orgAction(changePlanDefinition, handleChangePlan);
