import { clusterActions, type ClusterAction } from "@/db/schema/values";
import { providerCatalog } from "@/lib/clusters/catalog";
import { billingDetailsAuditEntries } from "./entries/billing-details";
import { billingPlansAuditEntries } from "./entries/billing-plans";
import { cloudAccountAuditEntries } from "./entries/cloud-accounts";
import { domainAuditEntries } from "./entries/domains";
import { exportAuditEntries } from "./entries/export";
import { gitAuditEntries } from "./entries/git";
import { noticesAuditEntries } from "./entries/notices";
import { projectsAuditEntries } from "./entries/projects";
import { resourcesAuditEntries } from "./entries/resources";
import { transferAuditEntries } from "./entries/transfer";
import { viewAsAuditEntries } from "./entries/view-as";
import {
  asText,
  changeClause,
  changesBetween,
  doing,
  humanizeAction,
  listOf,
  personName,
  possessive,
  quoted,
  roleName,
  valueAt,
} from "./wording";

// Every action the console records, with the name the log shows, the category the action-type
// filter groups it under, and the sentence it reads as. test/unit/audit-catalog.test.ts fails when
// code in lib/ records an action this catalogue does not know; unknown actions (older or newer
// code) still render through `describeAuditEvent`'s fallback.

/** What a sentence needs: `actor` is the display name the page chose (current name, or the label's). */
export type DescribableEvent = {
  action: string;
  actor: string;
  targetType: string;
  targetLabel: string;
  before: unknown;
  after: unknown;
};

export const auditCategories = {
  organization: { label: "Organization", all: "All organization events" },
  members: { label: "Members", all: "All member events" },
  invitations: { label: "Invitations", all: "All invitation events" },
  projects: { label: "Projects", all: "All project events" },
  environments: { label: "Environments", all: "All environment events" },
  clusters: { label: "Clusters", all: "All cluster requests" },
  cloudAccounts: { label: "Cloud accounts", all: "All cloud account events" },
  domains: { label: "Domains and join requests", all: "All domain and join request events" },
  git: { label: "Git", all: "All Git events" },
  billing: { label: "Billing", all: "All billing events" },
  engine: { label: "Infrastructure engine", all: "All infrastructure engine outcomes" },
} as const;

export type AuditCategory = keyof typeof auditCategories;

type CatalogEntry = { label: string; category: AuditCategory; describe: (event: DescribableEvent) => string };

const target = (event: DescribableEvent) => personName(event.targetLabel);

const detailLabels = { name: "company name", slug: "slug", description: "description", website: "website", adminContactEmails: "admin contact emails" };

const clusterLabels = {
  kubernetesVersion: "Kubernetes version",
  instanceType: "node type",
  minNodes: "minimum nodes",
  maxNodes: "maximum nodes",
  production: "production flag",
};

function describeDetailsUpdate(event: DescribableEvent): string {
  const changes = changesBetween(event.before, event.after, detailLabels);
  if (changes.length === 1) return `${event.actor} ${changeClause(changes[0])}`;
  if (changes.length === 0) return `${event.actor} updated General Information`;
  return `${event.actor} changed the ${listOf(changes.map((change) => change.label))}`;
}

function describeClusterCreate(event: DescribableEvent): string {
  const provider = providerCatalog[valueAt(event.after, "provider") as keyof typeof providerCatalog]?.label;
  const region = asText(valueAt(event.after, "region"));
  const where = [provider, region].filter(Boolean).join(", ");
  return `${event.actor} added cluster ${event.targetLabel}${where ? ` (${where})` : ""}`;
}

function describeClusterUpdate(event: DescribableEvent): string {
  const changes = changesBetween(event.before, event.after, clusterLabels).map((change) =>
    `${change.label} from ${quoted(change.from)} to ${quoted(change.to)}`,
  );
  return changes.length > 0
    ? `${event.actor} updated cluster ${event.targetLabel}: ${listOf(changes)}`
    : `${event.actor} updated cluster ${event.targetLabel}`;
}

function describeSetDefault(event: DescribableEvent): string {
  const previous = asText(valueAt(event.before, "default"));
  return `${event.actor} made cluster ${event.targetLabel} the default${previous ? ` (was ${previous})` : ""}`;
}

function describeRetry(event: DescribableEvent): string {
  const status = asText(valueAt(event.after, "status"));
  const action = Object.entries(doing).find(([, word]) => word === status)?.[1];
  return `${event.actor} retried ${action ? `${action} ` : "the failed action on "}cluster ${event.targetLabel}`;
}

const finished: Record<ClusterAction, string> = {
  install: "Cluster installed",
  update: "Cluster update finished",
  stop: "Cluster stopped",
  start: "Cluster started",
  delete: "Cluster deleted",
};

/** The engine's outcome of each job: cluster.install.done, cluster.install.failed, … */
function jobOutcomes(): Record<string, CatalogEntry> {
  return Object.fromEntries(
    clusterActions.flatMap((action): [string, CatalogEntry][] => [
      [
        `cluster.${action}.done`,
        { label: finished[action], category: "engine", describe: (e) => `${e.actor} finished ${doing[action]} cluster ${e.targetLabel}` },
      ],
      [
        `cluster.${action}.failed`,
        {
          label: `Cluster ${action} failed`,
          category: "engine",
          describe: (e) => {
            const reason = asText(valueAt(e.after, "reason"));
            return `${e.actor} failed to ${action} cluster ${e.targetLabel}${reason ? `: ${reason}` : ""}`;
          },
        },
      ],
    ]),
  );
}

/** "clusters prod and staging" from the list an organization-deletion event records. */
function clusterNames(value: unknown): string {
  const names = Array.isArray(value) ? value.map(asText).filter(Boolean) : [];
  if (names.length === 0) return "its clusters";
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${names.length === 1 ? "cluster" : "clusters"} ${listed}`;
}

export const auditCatalog: Record<string, CatalogEntry> = {
  "org.create": {
    label: "Organization created",
    category: "organization",
    describe: (e) => `${e.actor} created the organization ${asText(valueAt(e.after, "name")) || e.targetLabel}`,
  },
  "org.update": { label: "General Information updated", category: "organization", describe: describeDetailsUpdate },
  "org.deletion.started": {
    label: "Organization deletion started",
    category: "organization",
    describe: (e) => `${e.actor} started deleting the organization, tearing down ${clusterNames(valueAt(e.after, "clusters"))}`,
  },
  "org.deletion.retried": {
    label: "Organization deletion retried",
    category: "organization",
    describe: (e) => `${e.actor} retried the teardown of ${clusterNames(valueAt(e.after, "clusters"))}`,
  },
  "org.deletion.cancelled": {
    label: "Organization deletion cancelled",
    category: "organization",
    describe: (e) => `${e.actor} cancelled the deletion of the organization`,
  },
  ...exportAuditEntries,
  ...viewAsAuditEntries,
  "member.role_change": {
    label: "Role changed",
    category: "members",
    describe: (e) => `${e.actor} changed ${possessive(target(e))} role from ${roleName(valueAt(e.before, "role"))} to ${roleName(valueAt(e.after, "role"))}`,
  },
  "member.remove": {
    label: "Member removed",
    category: "members",
    describe: (e) => `${e.actor} removed ${target(e)} (${roleName(valueAt(e.before, "role"))}) from the organization`,
  },
  "member.leave": {
    label: "Member left",
    category: "members",
    describe: (e) => `${e.actor} left the organization (was ${roleName(valueAt(e.before, "role"))})`,
  },
  "ownership.transfer": {
    label: "Ownership transferred",
    category: "members",
    describe: (e) => `${e.actor} transferred ownership of the organization to ${target(e)} and became ${roleName(valueAt(e.after, "previousOwnerRole"))}`,
  },
  "invitation.create": {
    label: "Invitation sent",
    category: "invitations",
    describe: (e) => `${e.actor} invited ${e.targetLabel} as ${roleName(valueAt(e.after, "role"))}`,
  },
  "invitation.resend": {
    label: "Invitation resent",
    category: "invitations",
    describe: (e) => `${e.actor} sent the invitation to ${e.targetLabel} again`,
  },
  "invitation.revoke": {
    label: "Invitation revoked",
    category: "invitations",
    describe: (e) => `${e.actor} revoked the invitation to ${e.targetLabel}`,
  },
  "invitation.accept": {
    label: "Invitation accepted",
    category: "invitations",
    describe: (e) => `${e.actor} accepted the invitation and joined as ${roleName(valueAt(e.after, "role"))}`,
  },
  "invitation.decline": {
    label: "Invitation declined",
    category: "invitations",
    describe: (e) => `${e.actor} declined the invitation to join as ${roleName(valueAt(e.after, "role"))}`,
  },
  // Projects, environments, applications and databases read in words of their own domain.
  ...projectsAuditEntries,
  ...resourcesAuditEntries,
  ...transferAuditEntries,
  // The GitHub App: installs and disconnects from the console, changes reported by GitHub's webhooks.
  ...gitAuditEntries,
  // Plan changes (and billing details) on the Billing page.
  ...billingPlansAuditEntries,
  ...billingDetailsAuditEntries,
  // Test reports, re-subscribed addresses and maintenance notices (lib/notifications).
  ...noticesAuditEntries,
  "cluster.create": { label: "Cluster added", category: "clusters", describe: describeClusterCreate },
  "cluster.update": { label: "Cluster update requested", category: "clusters", describe: describeClusterUpdate },
  "cluster.stop": { label: "Cluster stop requested", category: "clusters", describe: (e) => `${e.actor} asked to stop cluster ${e.targetLabel}` },
  "cluster.start": { label: "Cluster start requested", category: "clusters", describe: (e) => `${e.actor} asked to start cluster ${e.targetLabel}` },
  "cluster.delete": { label: "Cluster deletion requested", category: "clusters", describe: (e) => `${e.actor} asked to delete cluster ${e.targetLabel}` },
  "cluster.retry": { label: "Cluster action retried", category: "clusters", describe: describeRetry },
  "cluster.set_default": { label: "Default cluster changed", category: "clusters", describe: describeSetDefault },
  "cluster.kubeconfig.download": {
    label: "Kubeconfig downloaded",
    category: "clusters",
    describe: (e) => `${e.actor} downloaded the kubeconfig of cluster ${e.targetLabel}`,
  },
  ...jobOutcomes(),
  ...cloudAccountAuditEntries,
  ...domainAuditEntries,
};

export const auditActionNames = Object.keys(auditCatalog);

export function isAuditCategory(value: string): value is AuditCategory {
  return Object.hasOwn(auditCategories, value);
}

/** The actions of a category, for the action-type filter's `IN (…)`. */
export function actionsInCategory(category: AuditCategory): string[] {
  return auditActionNames.filter((name) => auditCatalog[name].category === category);
}

export type AuditActionGroup = { label: string; options: { value: string; label: string }[] };

/** The action-type filter's choices: per category, "all of them" first, then each action. */
export function auditActionGroups(): AuditActionGroup[] {
  return (Object.keys(auditCategories) as AuditCategory[]).map((category) => ({
    label: auditCategories[category].label,
    options: [
      { value: category, label: auditCategories[category].all },
      ...actionsInCategory(category).map((name) => ({ value: name, label: auditCatalog[name].label })),
    ],
  }));
}

/** The name the log shows for an action, known or not. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(auditCatalog, action) ? auditCatalog[action].label : humanizeAction(action);
}

/** The event as a sentence; an action this code does not know still reads (and names its target). */
export function describeAuditEvent(event: DescribableEvent): string {
  if (Object.hasOwn(auditCatalog, event.action)) {
    try {
      return auditCatalog[event.action].describe(event);
    } catch {
      // A stored value of a shape no version wrote: fall through to the generic sentence.
    }
  }
  const on = event.targetLabel ? ` on ${event.targetType ? `${event.targetType} ` : ""}${event.targetLabel}` : "";
  return `${event.actor} performed “${humanizeAction(event.action)}”${on}`;
}
