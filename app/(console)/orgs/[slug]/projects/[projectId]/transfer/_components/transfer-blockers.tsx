import Link from "next/link";
import type { TransferBlocker } from "@/lib/projects/transfer-plan";

/**
 * Why the transfer cannot happen yet, each with what to do about it. The disabled button is
 * described by the list (`${id}-list`), not the region, whose accessible name would win over its text.
 */
export function TransferBlockers({ id, blockers }: { id: string; blockers: TransferBlocker[] }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        The transfer is blocked
      </h2>
      <ul id={`${id}-list`} className="mt-2 space-y-2 text-sm" data-testid="transfer-blockers">
        {blockers.map((blocker) => (
          <li key={blocker.kind}>
            <span className="font-semibold">{blocker.message}</span> {blocker.fix}
            {blocker.link && (
              <>
                {" "}
                <Link href={blocker.link.href} className="font-medium underline underline-offset-2">
                  {blocker.link.label}
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
