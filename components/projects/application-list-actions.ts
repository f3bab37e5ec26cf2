"use server";

import { orgAction } from "@/lib/actions/org-action";
import { deleteApplicationActions } from "@/lib/projects/actions/applications";

// Delete from a list of applications (the environment page's section, the applications page).
// The section is a shared component the environment page renders, so its server actions live
// beside it rather than in a route's actions.ts; the definitions are the ones the tests run.
const { production, development } = deleteApplicationActions;

export const deleteListedApplicationInProduction = orgAction(production);
export const deleteListedApplicationInDevelopment = orgAction(development);
