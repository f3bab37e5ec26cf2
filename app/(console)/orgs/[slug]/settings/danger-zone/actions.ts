"use server";

import { orgAction } from "@/lib/actions/org-action";
import { deleteOrganizationDefinition, handleDeleteOrganization } from "@/lib/orgs/delete-organization-action";

// Leave organization and Transfer ownership on this page are the Members page's own actions.
export const deleteOrganizationAction = orgAction(deleteOrganizationDefinition, handleDeleteOrganization);
