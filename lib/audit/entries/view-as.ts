import { roleName, valueAt } from "../wording";

// How the audit log reads "view as a role" (lib/view-as/actions.ts): only its start is recorded.

type ViewAsEvent = { action: string; actor: string; targetType: string; targetLabel: string; before: unknown; after: unknown };

export const viewAsAuditEntries = {
  "org.view_as.started": {
    label: "Started viewing as a role",
    category: "organization",
    describe: (e: ViewAsEvent) => `${e.actor} started viewing the organization as ${roleName(valueAt(e.after, "role"))}`,
  },
} as const;
