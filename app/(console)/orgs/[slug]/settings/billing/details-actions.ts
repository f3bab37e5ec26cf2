"use server";

import { orgAction } from "@/lib/actions/org-action";
import { handleSaveBillingDetails, saveBillingDetailsDefinition } from "@/lib/billing/actions/details";

export const saveBillingDetailsAction = orgAction(saveBillingDetailsDefinition, handleSaveBillingDetails);
