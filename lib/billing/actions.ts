import { z } from "zod";
import { defineOrgAction } from "@/lib/actions/define";
import { orgPlans } from "@/lib/orgs/plans";
import { changePlan as change } from "./change-plan";
import { billingDetailsSchema, saveBillingDetails as save } from "./details";

// The Billing page's actions: the plan and the billing details.

export const changePlanSchema = z.object({ plan: z.enum(orgPlans, "Choose one of the four plans.") });

export const changePlan = defineOrgAction({ permission: "billing.manage", schema: changePlanSchema }, (ctx, input, db) => change(db, ctx, input));

export const billingDetailsSaved = "Billing details saved.";
export const billingDetailsUnchanged = "Billing details are already up to date.";

export const saveBillingDetails = defineOrgAction({ permission: "billing.manage", schema: billingDetailsSchema }, async (ctx, input, db) => {
  const outcome = await save(db, ctx, input);
  if (!outcome.ok) return outcome;
  return { ok: true, message: outcome.changed ? billingDetailsSaved : billingDetailsUnchanged };
});
