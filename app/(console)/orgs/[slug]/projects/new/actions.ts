"use server";

import { orgAction } from "@/lib/actions/org-action";
import { createProjectAction } from "@/lib/projects/actions/projects";

export const createProject = orgAction(createProjectAction);
