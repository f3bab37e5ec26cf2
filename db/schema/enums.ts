import { pgEnum } from "drizzle-orm/pg-core";

// The value lists live in lib-free constants so the permission table and zod schemas can share them.
export const memberRoles = ["owner", "admin", "developer", "viewer"] as const;
export const orgKinds = ["personal", "team"] as const;
export const orgPlans = ["free", "professional", "business", "enterprise"] as const;
export const auditOrigins = ["ui", "api", "webhook"] as const;

export const memberRole = pgEnum("member_role", memberRoles);
export const orgKind = pgEnum("org_kind", orgKinds);
export const orgPlan = pgEnum("org_plan", orgPlans);
export const auditOrigin = pgEnum("audit_origin", auditOrigins);

export type MemberRole = (typeof memberRoles)[number];
export type OrgKind = (typeof orgKinds)[number];
export type OrgPlan = (typeof orgPlans)[number];
export type AuditOrigin = (typeof auditOrigins)[number];
