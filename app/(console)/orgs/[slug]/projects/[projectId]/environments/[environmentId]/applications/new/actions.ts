"use server";

import { orgAction } from "@/lib/actions/org-action";
import { createApplicationActions } from "@/lib/projects/actions/applications";

// One action per mode class (application.edit.production / .development); the page binds the one
// of the environment's mode as rendered.
const { production, development } = createApplicationActions;

export const createApplicationInProduction = orgAction(production);
export const createApplicationInDevelopment = orgAction(development);
