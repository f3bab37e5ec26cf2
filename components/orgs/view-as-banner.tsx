import { SubmitButton } from "@/components/ui/submit-button";
import { roleLabels } from "@/lib/authz/role-labels";
import type { ViewingAs } from "@/lib/authz/view-as";

type Props = { orgName: string; viewingAs: ViewingAs; stop: () => Promise<void> };

/** On every page of an organization viewed as a lower role: what is shown, and the way back. */
export function ViewAsBanner({ orgName, viewingAs, stop }: Props) {
  const role = roleLabels[viewingAs.role];
  const article = viewingAs.role === "admin" ? "an" : "a";
  return (
    <div
      role="status"
      className="mb-6 flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 sm:flex-row sm:items-center sm:justify-between dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
      data-testid="view-as-banner"
    >
      <p>
        <span className="font-semibold">
          You are viewing {orgName} as {role}.
        </span>{" "}
        Pages and controls appear as {article} {role}&apos;s; changes are off.
      </p>
      <form action={stop} className="shrink-0">
        <SubmitButton variant="secondary" size="sm" pendingLabel="Stopping…">
          Stop viewing as {role}
        </SubmitButton>
      </form>
    </div>
  );
}
