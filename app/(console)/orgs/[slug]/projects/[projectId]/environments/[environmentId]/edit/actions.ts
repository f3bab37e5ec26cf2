"use server";

import { orgAction } from "@/lib/actions/org-action";
import { editEnvironmentAction } from "@/lib/projects/actions/environments";

export const editEnvironment = orgAction(editEnvironmentAction);
