"use server";

import { orgAction } from "@/lib/actions/org-action";
import { createEnvironmentAction } from "@/lib/projects/actions/environments";

export const createEnvironment = orgAction(createEnvironmentAction);
