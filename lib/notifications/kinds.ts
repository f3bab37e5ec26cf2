// The four kinds of email the admin contact emails receive, and nothing else (the seed's promise).
export const noticeKinds = ["infrastructure", "maintenance", "weekly_report", "monthly_report"] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const noticeKindLabels: Record<NoticeKind, string> = {
  infrastructure: "Infrastructure outages",
  maintenance: "Maintenance updates",
  weekly_report: "Weekly usage reports",
  monthly_report: "Monthly usage reports",
};

export function isNoticeKind(value: string): value is NoticeKind {
  return (noticeKinds as readonly string[]).includes(value);
}
