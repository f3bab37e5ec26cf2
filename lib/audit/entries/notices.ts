import { asText, valueAt } from "../wording";

// How the audit log reads the admin contact emails' notices (lib/notifications): a test report
// sent on request, an address subscribed again, and a maintenance notice an operator posted.

type NoticeEvent = { action: string; actor: string; targetType: string; targetLabel: string; before: unknown; after: unknown };

const kindWords: Record<string, string> = {
  infrastructure: "infrastructure outages",
  maintenance: "maintenance updates",
  weekly_report: "weekly usage reports",
  monthly_report: "monthly usage reports",
};

export const noticesAuditEntries = {
  "notices.test_report": {
    label: "Test report sent",
    category: "organization",
    describe: (e: NoticeEvent) => {
      const to = valueAt(e.after, "recipients");
      return `${e.actor} sent a test usage report${Array.isArray(to) && to.length ? ` to ${to.map(asText).join(", ")}` : ""}`;
    },
  },
  "notices.resubscribe": {
    label: "Address subscribed again",
    category: "organization",
    describe: (e: NoticeEvent) => `${e.actor} subscribed ${e.targetLabel} again to ${kindWords[asText(valueAt(e.after, "kind"))] ?? "notices"}`,
  },
  "maintenance.posted": {
    label: "Maintenance notice posted",
    category: "organization",
    describe: (e: NoticeEvent) => `${e.actor} posted a maintenance notice: ${asText(valueAt(e.after, "message"))}`,
  },
} as const;
