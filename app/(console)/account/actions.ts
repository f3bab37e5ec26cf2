"use server";

import { z } from "zod";
import { orgAction } from "@/lib/actions/org-action";
import { leaveOrganization } from "@/lib/members/change";

// Bound to the organization's slug like every organization mutation: membership is re-read at the
// door and again under the organization's lock; the owner is told to transfer ownership first.
export const leaveFromAccountAction = orgAction({ permission: "project.read", schema: z.object({}) }, async (ctx, _input, db) =>
  leaveOrganization(db, ctx),
);
