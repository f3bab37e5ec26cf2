"use server";

import { orgAction } from "@/lib/actions/org-action";
import { deleteEnvironmentAction, startEnvironmentAction, stopEnvironmentAction } from "@/lib/projects/actions/environments";

export const stopEnvironment = orgAction(stopEnvironmentAction);
export const startEnvironment = orgAction(startEnvironmentAction);
export const deleteEnvironment = orgAction(deleteEnvironmentAction);
