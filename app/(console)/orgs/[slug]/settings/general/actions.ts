"use server";

import { orgAction } from "@/lib/actions/org-action";
import { organizationDetailsSchema } from "@/lib/orgs/details";
import { updateOrganizationDetails } from "@/lib/orgs/update-details";

export const updateGeneralInformation = orgAction(
  { permission: "org.edit", schema: organizationDetailsSchema },
  async (ctx, details, db) => {
    const result = await updateOrganizationDetails(db, ctx, details);
    if (!result.ok) return { ok: false, fieldErrors: { slug: "Another organization already uses this slug. Choose another one." } };
    if (!result.changed) return { ok: true, message: "Nothing to update: no field changed." };
    if (result.slugChanged) {
      return { ok: true, message: "General information updated. The organization has a new URL.", redirectTo: `/orgs/${result.slug}/settings/general` };
    }
    return { ok: true, message: "General information updated." };
  },
);
