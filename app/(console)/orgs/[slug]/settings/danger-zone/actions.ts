"use server";

import { orgAction } from "@/lib/actions/org-action";
import * as orgs from "@/lib/orgs/actions";

// Leave organization and Transfer ownership on this page are the Members page's own actions.
export const deleteOrganizationAction = orgAction(orgs.deleteOrganization);
export const retryOrganizationDeletionAction = orgAction(orgs.retryOrganizationDeletion);
export const cancelOrganizationDeletionAction = orgAction(orgs.cancelOrganizationDeletion);
