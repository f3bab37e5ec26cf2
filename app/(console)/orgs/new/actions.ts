"use server";

import { userAction } from "@/lib/actions/org-action";
import { createOrganizationDefinition, handleCreateOrganization } from "@/lib/orgs/create-organization-action";

export const createOrganization = userAction(createOrganizationDefinition, handleCreateOrganization);
