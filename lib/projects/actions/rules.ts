import { z } from "zod";
import { addRule, deleteRule, editRule, moveRule } from "../rules";
import { deploymentRuleSchema } from "../schemas";
import { defineOrgAction } from "@/lib/actions/define";
import { projectIdField } from "./projects";

// Deployment rules are part of the project's settings: all four actions need project.edit.

const ruleIdField = z.string("This deployment rule does not exist in this project.").trim().max(100);
const ruleRef = z.object({ projectId: projectIdField, ruleId: ruleIdField });

export const addRuleSchema = deploymentRuleSchema.extend({ projectId: projectIdField });
export const editRuleSchema = deploymentRuleSchema.extend({ projectId: projectIdField, ruleId: ruleIdField });
export const moveRuleSchema = ruleRef.extend({ direction: z.enum(["up", "down"], "Choose up or down.") });

export const addRuleAction = defineOrgAction({ permission: "project.edit", schema: addRuleSchema }, (ctx, input, db) => addRule(db, ctx, input));
export const editRuleAction = defineOrgAction({ permission: "project.edit", schema: editRuleSchema }, (ctx, input, db) => editRule(db, ctx, input));
export const moveRuleAction = defineOrgAction({ permission: "project.edit", schema: moveRuleSchema }, (ctx, input, db) => moveRule(db, ctx, input));
export const deleteRuleAction = defineOrgAction({ permission: "project.edit", schema: ruleRef }, (ctx, input, db) => deleteRule(db, ctx, input));
