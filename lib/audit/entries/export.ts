import { valueAt } from "../wording";

// How the audit log reads a download of the organization export (lib/export/record.ts).

type ExportEvent = { action: string; actor: string; targetType: string; targetLabel: string; before: unknown; after: unknown };

export const exportAuditEntries = {
  "org.export": {
    label: "Organization exported",
    category: "organization",
    describe: (e: ExportEvent) =>
      `${e.actor} downloaded an export of the organization${valueAt(e.after, "billingDetailsIncluded") === true ? ", billing details included" : ", without billing details"}`,
  },
} as const;
