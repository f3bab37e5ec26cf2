"use server";

import { orgAction } from "@/lib/actions/org-action";
import { deleteProjectAction, renameProjectAction } from "@/lib/projects/actions/projects";
import { addRuleAction, deleteRuleAction, editRuleAction, moveRuleAction } from "@/lib/projects/actions/rules";

export const renameProject = orgAction(renameProjectAction.definition, renameProjectAction.handler);
export const deleteProject = orgAction(deleteProjectAction.definition, deleteProjectAction.handler);
export const addRule = orgAction(addRuleAction.definition, addRuleAction.handler);
export const editRule = orgAction(editRuleAction.definition, editRuleAction.handler);
export const moveRule = orgAction(moveRuleAction.definition, moveRuleAction.handler);
export const deleteRule = orgAction(deleteRuleAction.definition, deleteRuleAction.handler);
