import Link from "next/link";
import { denseTable } from "@/components/ui/dense-table";
import { Table, TableCaption, TableHead, TableHeaderCell } from "@/components/ui/table";
import type { AuditActorView, AuditEventView } from "@/lib/audit/present";
import { AuditEventDetailsButton, AuditEventDetailsProvider } from "./audit-event-details";
import { formatAuditTime } from "./format";

type Props = {
  orgName: string;
  events: AuditEventView[];
  /** The log filtered to one actor (by their current email), keeping the other filters. */
  actorHref: (email: string) => string;
  /** Where one event's details are fetched from (`${eventsPath}/${id}`). */
  eventsPath: string;
};

// Light rows: 50 of them make the page, so each carries its summary and one Details button, and
// every repeated style lives on the table (dense-table), not on each row. Before/after values are
// fetched by the Details dialog.
const muted = "text-xs text-zinc-600 dark:text-zinc-400";

function Actor({ actor, actorHref }: { actor: AuditActorView; actorHref: Props["actorHref"] }) {
  return (
    <div>
      <p className="font-medium">{actor.name}</p>
      {actor.kind === "person" && actor.email && (
        <p className={muted}>
          {actor.email !== actor.name && <span className="break-all">{actor.email} · </span>}
          <Link href={actorHref(actor.email)} className="text-indigo-700 underline dark:text-indigo-300">
            Filter<span className="sr-only"> by {actor.name}</span>
          </Link>
        </p>
      )}
      {actor.kind === "former" && <p className={muted}>Account deleted · recorded as {actor.label}</p>}
    </div>
  );
}

export function AuditEventsTable({ orgName, events, actorHref, eventsPath }: Props) {
  return (
    <AuditEventDetailsProvider eventsPath={eventsPath}>
      <div className="rounded-lg border border-zinc-200 bg-white max-md:border-0 max-md:bg-transparent dark:border-zinc-800 dark:bg-zinc-900 max-md:dark:bg-transparent">
        <Table className={denseTable("break-words")}>
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
            {events.map((event) => {
              const iso = event.createdAt.toISOString();
              return (
                <tr key={event.id} data-testid="audit-event">
                  <td data-label="Time">
                    <time dateTime={iso} title={iso}>
                      {formatAuditTime(event.createdAt)}
                    </time>
                  </td>
                  <td data-label="Actor">
                    <Actor actor={event.actor} actorHref={actorHref} />
                  </td>
                  <td data-label="Event">
                    <div>
                      <p>{event.description}</p>
                      <p className={muted}>
                        {event.actionLabel} <code>({event.action})</code>
                      </p>
                    </div>
                  </td>
                  <td data-label="Target">
                    <div>
                      <p className={muted}>{event.target.typeLabel}</p>
                      <p>{event.target.label}</p>
                    </div>
                  </td>
                  <td data-label="Origin">
                    <span>{event.originLabel}</span>
                  </td>
                  <td data-label="Values">
                    <AuditEventDetailsButton id={event.id} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </div>
    </AuditEventDetailsProvider>
  );
}
