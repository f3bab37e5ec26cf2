import type { Metadata } from "next";
import Link from "next/link";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { AuditFilters } from "@/components/audit/audit-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { RoleRequired } from "@/components/ui/role-required";
import { loadAuditLogPage } from "@/lib/pages/audit-log-page";

export const metadata: Metadata = { title: "Audit log" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const link = "text-indigo-700 underline underline-offset-2 dark:text-indigo-300";

export default async function AuditLogPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const access = await loadAuditLogPage(slug, search);
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, basePath, values, errors, filtered, notice, actionGroups, events, links } = access.page;
  const invalid = Object.keys(errors).length > 0;
  const shown = events.length;
  return (
    <section aria-labelledby="audit-heading" className="max-w-7xl min-w-0 space-y-4">
      <PageHeader
        id="audit-heading"
        title="Audit log"
        description={`Everything done in ${ctx.org.name}: who did it, when, from where, and what changed. Events cannot be edited or deleted; they go away only with the organization. Times are in UTC.`}
      />
      {/* Keyed on the filters: a client-side navigation (Clear filters, an actor's Filter link) must
          show the new values, and React keeps an uncontrolled control's old value otherwise. */}
      <AuditFilters key={JSON.stringify(values)} basePath={basePath} values={values} errors={errors} filtered={filtered} actionGroups={actionGroups.map((group) => [group.label, group.options.map((option) => [option.value, option.label])])} csvHref={links.csv} />
      {notice && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {notice}
        </p>
      )}
      {invalid ? (
        <EmptyState title="Correct the filters above to see events." />
      ) : shown > 0 ? (
        <AuditEventsTable orgName={ctx.org.name} events={events} basePath={basePath} filters={values} />
      ) : (
        <EmptyState
          title={filtered ? "No events match these filters." : "No events on this page."}
          action={
            filtered ? (
              <Link href={basePath} className={link}>
                Clear filters
              </Link>
            ) : undefined
          }
        />
      )}
      <Pagination
        label="Audit log pages"
        status={shown > 0 ? `Showing ${shown} event${shown === 1 ? "" : "s"}, newest first${links.newest ? " (an earlier page)" : ""}.` : ""}
        first={links.newest ? { href: links.newest, label: "Newest events" } : null}
        previous={links.newer ? { href: links.newer, label: "Newer events" } : null}
        next={links.older ? { href: links.older, label: "Older events" } : null}
      />
    </section>
  );
}
