import type { Db } from "@/db/client";
import type { HandlerResult, OrgActionDefinition } from "@/lib/actions/run-action";
import type { OrgContext } from "@/lib/authz/context";
import { type OrganizationDetails, organizationDetailsSchema } from "./details";
import { updateOrganizationDetails } from "./update-details";

// The General Information page's update, declared here rather than in the page's "use server"
// module so the tests run exactly what the page runs, through the same door (runOrgAction).

export const updateDetailsDefinition = {
  permission: "org.edit",
  schema: organizationDetailsSchema,
} satisfies OrgActionDefinition<typeof organizationDetailsSchema>;

export async function handleUpdateDetails(ctx: OrgContext, details: OrganizationDetails, db: Db): Promise<HandlerResult> {
  const result = await updateOrganizationDetails(db, ctx, details);
  if ("formError" in result) return result;
  if (!result.ok) return { ok: false, fieldErrors: { slug: "Another organization already uses this slug. Choose another one." } };
  if (!result.changed) return { ok: true, message: "Nothing to update: no field changed." };
  if (result.slugChanged) {
    return { ok: true, message: "General information updated. The organization has a new URL.", redirectTo: `/orgs/${result.slug}/settings/general` };
  }
  return { ok: true, message: "General information updated." };
}
