"use server";

import { orgAction } from "@/lib/actions/org-action";
import { resourceActions } from "@/lib/projects/actions/resources";

export const createApplication = orgAction(resourceActions.application.create);
