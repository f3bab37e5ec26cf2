import "server-only";
import { z } from "zod";
import { defineOrgAction } from "@/lib/actions/define";
import { recordAudit } from "@/lib/audit/record";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { roleLabels, roleRank } from "@/lib/authz/permissions";
import { viewAsCookie } from "@/lib/authz/view-as-cookie";

// "View as a role" (README): starting is an organization action like any other (org.viewAs, the
// role re-read under the organization's lock, audited); it ends in a cookie that can only lower
// the caller's role. Stopping clears the cookie and writes nothing (app/(console)/orgs/[slug]/view-as-actions.ts).

const viewableRoles = ["admin", "developer", "viewer"] as const;

export const startViewingAsSchema = z.object({
  role: z.enum(viewableRoles, { error: "Choose Admin, Developer or Viewer." }),
});

export const belowYourRole = (role: string) => `You can only view as a role below your own (${role}).`;

export const startViewingAs = defineOrgAction({ permission: "org.viewAs", schema: startViewingAsSchema }, async (ctx, { role }, db) => {
  const started = await orgTransaction(db, ctx, "org.viewAs", async (tx, realRole) => {
    if (roleRank[role] >= roleRank[realRole]) return { ok: false as const, formError: belowYourRole(roleLabels[realRole]) };
    await recordAudit(tx, ctx, {
      action: "org.view_as.started",
      targetType: "organization",
      targetId: ctx.org.id,
      targetLabel: ctx.org.name,
      after: { role, realRole },
    });
    return { ok: true as const };
  });
  if (!started.ok) return started;
  return {
    ok: true,
    message: `You are viewing ${ctx.org.name} as ${roleLabels[role]}.`,
    setCookies: [await viewAsCookie({ orgId: ctx.org.id, role })],
  };
});
