"use server";

import { orgAction } from "@/lib/actions/org-action";
import { handleTransferProject, transferProjectDefinition } from "@/lib/projects/actions/transfer";

export const transferProjectAction = orgAction(transferProjectDefinition, handleTransferProject);
