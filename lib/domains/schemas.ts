import { z } from "zod";
import { domainNameSchema } from "./hostname";

// Never above Developer: joining through a domain gives at most what a developer has (the
// database's checks on org_domains and join_requests say the same).
export const joinRoles = ["developer", "viewer"] as const;
export type JoinRole = (typeof joinRoles)[number];
export const joinPolicies = ["invite_only", "request", "auto_join"] as const;
export type JoinPolicy = (typeof joinPolicies)[number];

const domainId = z.uuid("Unknown domain.");
export const joinRoleSchema = z.enum(joinRoles, "Choose Developer or Viewer: joining through a domain never gives more.");

export const addDomainSchema = z.object({ domain: domainNameSchema });
export const domainIdSchema = z.object({ domainId });
export const domainPolicySchema = z.object({
  domainId,
  policy: z.enum(joinPolicies, "Choose invite only, request to join or join automatically."),
  role: joinRoleSchema.default("viewer"),
});
export const joinRequestSchema = z.object({ requestId: z.uuid("Unknown request.") });
export const approveJoinRequestSchema = joinRequestSchema.extend({ role: joinRoleSchema });
/** The organization a user asks to join, as the switcher names it; everything else is re-read. */
export const joinOrgSchema = z.object({ orgId: z.uuid("Unknown organization.") });
