"use server";

import { orgAction } from "@/lib/actions/org-action";
import { editEnvironmentActions } from "@/lib/projects/actions/environments";

// One server action per mode class: the page binds the one matching the environment's mode.
export const editProductionEnvironment = orgAction(editEnvironmentActions.production);
export const editDevelopmentEnvironment = orgAction(editEnvironmentActions.development);
