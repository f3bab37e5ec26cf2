import type { Db } from "@/db/client";
import type { HandlerResult, OrgActionDefinition } from "@/lib/actions/run-action";
import type { OrgContext } from "@/lib/authz/context";
import { type BillingDetailsInput, billingDetailsSchema, saveBillingDetails } from "../details";

// The Billing page's "Save billing details", declared here rather than in the page's "use server"
// module so the tests run exactly what the page runs, through the same door (runOrgAction).

export const saveBillingDetailsDefinition = {
  permission: "billing.manage",
  schema: billingDetailsSchema,
} satisfies OrgActionDefinition<typeof billingDetailsSchema>;

export const billingDetailsSaved = "Billing details saved.";
export const billingDetailsUnchanged = "Billing details are already up to date.";

export async function handleSaveBillingDetails(ctx: OrgContext, input: BillingDetailsInput, db: Db): Promise<HandlerResult> {
  const outcome = await saveBillingDetails(db, ctx, input);
  if (!outcome.ok) return outcome;
  return { ok: true, message: outcome.changed ? billingDetailsSaved : billingDetailsUnchanged };
}
