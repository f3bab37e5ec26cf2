"use server";

import { orgAction } from "@/lib/actions/org-action";
import { handleUpdateDetails, updateDetailsDefinition } from "@/lib/orgs/general-information-action";

export const updateGeneralInformation = orgAction(updateDetailsDefinition, handleUpdateDetails);
