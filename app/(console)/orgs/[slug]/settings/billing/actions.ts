"use server";

import { orgAction } from "@/lib/actions/org-action";
import * as billing from "@/lib/billing/actions";

export const changePlanAction = orgAction(billing.changePlan);
export const saveBillingDetailsAction = orgAction(billing.saveBillingDetails);
