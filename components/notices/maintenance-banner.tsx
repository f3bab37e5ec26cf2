import type { ActiveMaintenance } from "@/lib/authz/context";
import { formatDateTime } from "@/lib/format";

/**
 * The operator's maintenance notices for this organization, on every page of it until each ends
 * (read with the membership in lib/authz/authorize.ts, so it costs no query of its own).
 */
export function MaintenanceBanner({ notices }: { notices: readonly ActiveMaintenance[] }) {
  if (notices.length === 0) return null;
  const now = Date.now();
  return (
    <div role="status" className="mb-6 space-y-2">
      {notices.map((notice) => {
        const started = new Date(notice.startsAt).getTime() <= now;
        return (
          <p key={notice.id} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            <strong className="font-semibold">{started ? "Maintenance in progress" : "Scheduled maintenance"}</strong>{" "}
            {started ? "until" : `from ${formatDateTime(new Date(notice.startsAt))} to`} {formatDateTime(new Date(notice.endsAt))}: {notice.message}
          </p>
        );
      })}
    </div>
  );
}
