"use server";

import { orgAction } from "@/lib/actions/org-action";
import { createDatabaseActions } from "@/lib/projects/actions/databases";

// One action per mode class (database.edit.production / .development); the page binds the one of
// the environment's mode as rendered.
const { production, development } = createDatabaseActions;

export const createDatabaseInProduction = orgAction(production);
export const createDatabaseInDevelopment = orgAction(development);
