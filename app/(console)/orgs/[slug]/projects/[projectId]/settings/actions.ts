"use server";

import { orgAction } from "@/lib/actions/org-action";
import { deleteProjectAction, renameProjectAction } from "@/lib/projects/actions/projects";
import { addRuleAction, deleteRuleAction, editRuleAction, moveRuleAction } from "@/lib/projects/actions/rules";

export const renameProject = orgAction(renameProjectAction);
export const deleteProject = orgAction(deleteProjectAction);
export const addRule = orgAction(addRuleAction);
export const editRule = orgAction(editRuleAction);
export const moveRule = orgAction(moveRuleAction);
export const deleteRule = orgAction(deleteRuleAction);
