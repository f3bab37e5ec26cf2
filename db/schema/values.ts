// Plain value lists with no drizzle import, so client components can use them without pulling
// the ORM into the browser bundle.
export const memberRoles = ["owner", "admin", "developer", "viewer"] as const;
export const orgKinds = ["personal", "team"] as const;
export const orgPlans = ["free", "professional", "business", "enterprise"] as const;
export const auditOrigins = ["ui", "api", "webhook"] as const;
export const invitationStatuses = ["pending", "accepted", "declined", "revoked", "expired"] as const;

export type MemberRole = (typeof memberRoles)[number];
export type OrgKind = (typeof orgKinds)[number];
export type OrgPlan = (typeof orgPlans)[number];
export type AuditOrigin = (typeof auditOrigins)[number];
export type InvitationStatus = (typeof invitationStatuses)[number];
