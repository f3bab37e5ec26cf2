import { pgEnum } from "drizzle-orm/pg-core";
import { auditOrigins, invitationStatuses, memberRoles, orgKinds, orgPlans } from "./values";

export * from "./values";

export const memberRole = pgEnum("member_role", memberRoles);
export const orgKind = pgEnum("org_kind", orgKinds);
export const orgPlan = pgEnum("org_plan", orgPlans);
export const auditOrigin = pgEnum("audit_origin", auditOrigins);
export const invitationStatus = pgEnum("invitation_status", invitationStatuses);
