import { pgEnum } from "drizzle-orm/pg-core";
import {
  auditOrigins,
  cloudProviders,
  clusterActions,
  clusterStatuses,
  databaseTypes,
  environmentModes,
  environmentStatuses,
  invitationStatuses,
  jobStatuses,
  memberRoles,
  orgKinds,
  orgPlans,
} from "./values";

export * from "./values";

export const memberRole = pgEnum("member_role", memberRoles);
export const orgKind = pgEnum("org_kind", orgKinds);
export const orgPlan = pgEnum("org_plan", orgPlans);
export const auditOrigin = pgEnum("audit_origin", auditOrigins);
export const invitationStatus = pgEnum("invitation_status", invitationStatuses);
export const cloudProvider = pgEnum("cloud_provider", cloudProviders);
export const clusterStatus = pgEnum("cluster_status", clusterStatuses);
export const clusterAction = pgEnum("cluster_action", clusterActions);
export const jobStatus = pgEnum("job_status", jobStatuses);
export const environmentMode = pgEnum("environment_mode", environmentModes);
export const environmentStatus = pgEnum("environment_status", environmentStatuses);
export const databaseType = pgEnum("database_type", databaseTypes);
