"use server";

import { orgAction } from "@/lib/actions/org-action";
import { transferProject } from "@/lib/projects/actions/transfer";

export const transferProjectAction = orgAction(transferProject);
