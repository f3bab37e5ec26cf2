import { z } from "zod";
import type { Db } from "@/db/client";
import type { HandlerResult, OrgActionDefinition } from "@/lib/actions/run-action";
import type { OrgContext } from "@/lib/authz/context";
import { orgPlans, type OrgPlan } from "@/lib/orgs/plans";
import { changePlan } from "../change-plan";

// The Billing page's plan change, declared here rather than in the page's "use server" module so
// the tests run exactly what the page runs, through the same door (runOrgAction).

export const changePlanSchema = z.object({ plan: z.enum(orgPlans, "Choose one of the four plans.") });

export const changePlanDefinition = {
  permission: "billing.manage",
  schema: changePlanSchema,
} satisfies OrgActionDefinition<typeof changePlanSchema>;

export async function handleChangePlan(ctx: OrgContext, input: { plan: OrgPlan }, db: Db): Promise<HandlerResult> {
  return changePlan(db, ctx, input);
}
