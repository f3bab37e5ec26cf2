"use server";

import { orgAction } from "@/lib/actions/org-action";
import { deleteApplicationActions, updateApplicationActions } from "@/lib/projects/actions/applications";

// One action per mode class; the page binds those of the environment's mode as rendered.
const { production: update, development: updateElsewhere } = updateApplicationActions;
const { production: remove, development: removeElsewhere } = deleteApplicationActions;

export const updateApplicationInProduction = orgAction(update);
export const updateApplicationInDevelopment = orgAction(updateElsewhere);
export const deleteApplicationInProduction = orgAction(remove);
export const deleteApplicationInDevelopment = orgAction(removeElsewhere);
