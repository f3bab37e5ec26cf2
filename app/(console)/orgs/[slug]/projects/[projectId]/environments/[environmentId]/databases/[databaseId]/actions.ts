"use server";

import { orgAction } from "@/lib/actions/org-action";
import { deleteDatabaseActions, updateDatabaseActions } from "@/lib/projects/actions/databases";

// One action per mode class; the page binds those of the environment's mode as rendered.
const { production: update, development: updateElsewhere } = updateDatabaseActions;
const { production: remove, development: removeElsewhere } = deleteDatabaseActions;

export const updateDatabaseInProduction = orgAction(update);
export const updateDatabaseInDevelopment = orgAction(updateElsewhere);
export const deleteDatabaseInProduction = orgAction(remove);
export const deleteDatabaseInDevelopment = orgAction(removeElsewhere);
