"use server";

import { orgAction } from "@/lib/actions/org-action";
import { resourceActions } from "@/lib/projects/actions/resources";

export const updateDatabase = orgAction(resourceActions.database.update);
export const deleteDatabase = orgAction(resourceActions.database.delete);
