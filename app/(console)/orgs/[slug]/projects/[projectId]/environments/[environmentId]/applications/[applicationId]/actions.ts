"use server";

import { orgAction } from "@/lib/actions/org-action";
import { resourceActions } from "@/lib/projects/actions/resources";

export const updateApplication = orgAction(resourceActions.application.update);
export const deleteApplication = orgAction(resourceActions.application.delete);
