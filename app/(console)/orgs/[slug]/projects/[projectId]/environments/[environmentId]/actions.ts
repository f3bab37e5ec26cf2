"use server";

import { orgAction } from "@/lib/actions/org-action";
import { deleteEnvironmentAction, startEnvironmentAction, stopEnvironmentAction } from "@/lib/projects/actions/environments";
import { resourceActions } from "@/lib/projects/actions/resources";

export const stopEnvironment = orgAction(stopEnvironmentAction);
export const startEnvironment = orgAction(startEnvironmentAction);
export const deleteEnvironment = orgAction(deleteEnvironmentAction);
// Deleting from the lists of the environment page and of the applications and databases pages.
export const deleteApplication = orgAction(resourceActions.application.delete);
export const deleteDatabase = orgAction(resourceActions.database.delete);
