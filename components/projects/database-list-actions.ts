"use server";

import { orgAction } from "@/lib/actions/org-action";
import { deleteDatabaseActions } from "@/lib/projects/actions/databases";

// Delete from a list of databases (see application-list-actions.ts for why this lives here).
const { production, development } = deleteDatabaseActions;

export const deleteListedDatabaseInProduction = orgAction(production);
export const deleteListedDatabaseInDevelopment = orgAction(development);
