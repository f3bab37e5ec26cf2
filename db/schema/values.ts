// Plain value lists with no drizzle import, so client components can use them without pulling
// the ORM into the browser bundle.
export const memberRoles = ["owner", "admin", "developer", "viewer"] as const;
export const orgKinds = ["personal", "team"] as const;
export const orgPlans = ["free", "professional", "business", "enterprise"] as const;
export const auditOrigins = ["ui", "api", "webhook", "system"] as const;
export const cloudProviders = ["aws", "gcp", "azure", "scaleway", "self_managed"] as const;
export const clusterStatuses = ["installing", "running", "updating", "stopping", "stopped", "starting", "deleting", "error"] as const;
export const clusterActions = ["install", "update", "stop", "start", "delete"] as const;
export const jobStatuses = ["queued", "running", "done", "failed"] as const;
export const invitationStatuses = ["pending", "accepted", "declined", "revoked", "expired"] as const;
export const environmentModes = ["production", "staging", "development", "preview"] as const;
export const environmentStatuses = ["running", "stopped"] as const;
export const databaseTypes = ["postgresql", "mysql", "mongodb", "redis"] as const;

export type MemberRole = (typeof memberRoles)[number];
export type OrgKind = (typeof orgKinds)[number];
export type OrgPlan = (typeof orgPlans)[number];
export type AuditOrigin = (typeof auditOrigins)[number];
export type InvitationStatus = (typeof invitationStatuses)[number];
export type CloudProvider = (typeof cloudProviders)[number];
export type ClusterStatus = (typeof clusterStatuses)[number];
export type ClusterAction = (typeof clusterActions)[number];
export type JobStatus = (typeof jobStatuses)[number];
export type EnvironmentMode = (typeof environmentModes)[number];
export type EnvironmentStatus = (typeof environmentStatuses)[number];
export type DatabaseType = (typeof databaseTypes)[number];
