import { Table, TableCaption, TableHead, TableHeaderCell } from "@/components/ui/table";
import type { AuditEventView } from "@/lib/audit/present";
import { AuditEventDetailsProvider } from "./audit-event-details";
import { type AuditRow, AuditRows } from "./audit-rows";

type Props = {
  orgName: string;
  events: AuditEventView[];
  basePath: string;
  /** The filters in force, kept by each actor's Filter link. */
  filters: Record<string, string>;
};

// Light rows: 50 make a page, so each carries its summary and one Details button (the dialog
// fetches before/after), and every repeated style is written once, here, for the whole table.
const rowStyles = [
  "break-words [&_a]:text-indigo-700 [&_a]:underline dark:[&_a]:text-indigo-300 [&_b]:font-medium [&_small]:block [&_small]:text-xs [&_small]:text-zinc-600 dark:[&_small]:text-zinc-400 md:[&_time]:whitespace-nowrap",
  "[&_td>button]:font-medium [&_td>button]:text-indigo-700 [&_td>button]:underline dark:[&_td>button]:text-indigo-300",
  // The stacked rows' column names, by position (instead of a data-label on each cell).
  "max-md:[&_td:nth-child(1)]:before:content-['Time'] max-md:[&_td:nth-child(2)]:before:content-['Actor'] max-md:[&_td:nth-child(3)]:before:content-['Event']",
  "max-md:[&_td:nth-child(4)]:before:content-['Target'] max-md:[&_td:nth-child(5)]:before:content-['Origin'] max-md:[&_td:nth-child(6)]:before:content-['Values']",
].join(" ");

function rowOf(event: AuditEventView): AuditRow {
  return {
    id: event.id,
    at: event.createdAt.toISOString(),
    who: event.actor.name,
    kind: event.actor.kind,
    email: event.actor.email,
    label: event.actor.kind === "former" ? event.actor.label : "",
    text: event.description,
    act: event.actionLabel,
    type: event.target.typeLabel,
    target: event.target.label,
    origin: event.originLabel,
  };
}

export function AuditEventsTable({ orgName, events, basePath, filters }: Props) {
  return (
    <AuditEventDetailsProvider eventsPath={`${basePath}/events`}>
      <div className="rounded-lg border border-zinc-200 bg-white max-md:border-0 max-md:bg-transparent dark:border-zinc-800 dark:bg-zinc-900 max-md:dark:bg-transparent">
        <Table className={rowStyles}>
          <TableCaption>Audit events of {orgName}, newest first</TableCaption>
          <TableHead>
            <tr>
              <TableHeaderCell>Time</TableHeaderCell>
              <TableHeaderCell>Actor</TableHeaderCell>
              <TableHeaderCell>Event</TableHeaderCell>
              <TableHeaderCell>Target</TableHeaderCell>
              <TableHeaderCell>Origin</TableHeaderCell>
              <TableHeaderCell>
                <span className="sr-only">Details</span>
              </TableHeaderCell>
            </tr>
          </TableHead>
          <tbody className="divide-y divide-zinc-200 max-md:block max-md:space-y-3 max-md:divide-y-0 dark:divide-zinc-800">
            <AuditRows rows={events.map(rowOf)} filters={filters} />
          </tbody>
        </Table>
      </div>
    </AuditEventDetailsProvider>
  );
}
