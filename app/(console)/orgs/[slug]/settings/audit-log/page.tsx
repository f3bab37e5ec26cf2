import type { Metadata } from "next";
import Link from "next/link";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditPagination } from "@/components/audit/audit-pagination";
import { RoleRequired } from "@/components/ui/role-required";
import { auditLogSearch } from "@/lib/audit/filters";
import { loadAuditLogPage } from "@/lib/pages/audit-log-page";

export const metadata: Metadata = { title: "Audit log" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const lead = "mt-1 text-sm text-zinc-700 dark:text-zinc-300";
const emptyClass = "rounded-lg border border-dashed border-zinc-300 p-6 text-sm text-zinc-700 dark:border-zinc-700 dark:text-zinc-300";

export default async function AuditLogPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const access = await loadAuditLogPage(slug, search);
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, basePath, values, errors, filtered, notice, actionGroups, events, links } = access.page;
  const invalid = Object.keys(errors).length > 0;
  const actorHref = (email: string) => `${basePath}${auditLogSearch({ ...values, actor: email })}`;
  return (
    <section aria-labelledby="audit-heading" className="max-w-6xl space-y-4">
      <div>
        <h1 id="audit-heading" tabIndex={-1} className="text-xl font-semibold">Audit log</h1>
        <p className={lead}>
          Everything done in {ctx.org.name}: who did it, when, from where, and what changed. Events cannot be edited or deleted; they go
          away only with the organization. Times are in UTC.
        </p>
      </div>
      {/* Keyed on the filters: a client-side navigation (Clear filters, an actor's Filter link) must
          show the new values, and React keeps an uncontrolled control's old value otherwise. */}
      <AuditFilters key={JSON.stringify(values)} basePath={basePath} values={values} errors={errors} filtered={filtered} actionGroups={actionGroups} csvHref={links.csv} />
      {notice && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {notice}
        </p>
      )}
      {invalid ? (
        <p className={emptyClass}>Correct the filters above to see events.</p>
      ) : events.length > 0 ? (
        <AuditEventsTable orgName={ctx.org.name} events={events} actorHref={actorHref} />
      ) : (
        <div className={emptyClass}>
          <p>{filtered ? "No events match these filters." : "No events on this page."}</p>
          {filtered && (
            <Link href={basePath} className="mt-2 inline-block text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
              Clear filters
            </Link>
          )}
        </div>
      )}
      <AuditPagination shown={events.length} links={links} />
    </section>
  );
}
