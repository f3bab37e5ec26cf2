import { Table, TableCaption, TableHead, TableHeaderCell } from "@/components/ui/table";
import type { AuditEventView } from "@/lib/audit/present";
import { AuditEventDetailsProvider } from "./audit-event-details";
import { type AuditActor, type AuditRow, type AuditRowsData, AuditRows } from "./audit-rows";

type Props = {
  orgName: string;
  events: AuditEventView[];
  basePath: string;
  /** The filters in force, kept by each actor's Filter link. */
  filters: Record<string, string>;
};

// Light rows: 50 make a page, so each carries its summary and one Details button (the dialog
// fetches before/after), and every repeated style is written once, in globals.css (.audit-table).

/**
 * The rows as AuditRows needs them: each actor and each label once for the table (a filtered page
 * is often one person's, or one action's, 50 times), the rows pointing at them.
 */
function rowsData(events: AuditEventView[]): AuditRowsData {
  const actors: AuditActor[] = [];
  const actorIndex = new Map<string, number>();
  const words: string[] = [];
  const wordIndex = new Map<string, number>();
  const word = (text: string) => {
    let index = wordIndex.get(text);
    if (index === undefined) {
      index = words.push(text) - 1;
      wordIndex.set(text, index);
    }
    return index;
  };
  const actorOf = ({ actor }: AuditEventView) => {
    const key = JSON.stringify([actor.kind, actor.name, actor.email, actor.label]);
    let index = actorIndex.get(key);
    if (index === undefined) {
      index = actors.push({
        who: actor.name,
        kind: actor.kind,
        ...(actor.kind === "person" && actor.email && { email: actor.email }),
        ...(actor.kind === "former" && { label: actor.label }),
      }) - 1;
      actorIndex.set(key, index);
    }
    return index;
  };
  const rows = events.map(
    (event): AuditRow => ({
      id: event.id,
      at: event.createdAt.getTime(),
      actor: actorOf(event),
      text: event.description,
      act: word(event.actionLabel),
      type: word(event.target.typeLabel),
      target: event.target.label,
      origin: word(event.originLabel),
    }),
  );
  return { actors, words, rows };
}

export function AuditEventsTable({ orgName, events, basePath, filters }: Props) {
  return (
    <AuditEventDetailsProvider eventsPath={`${basePath}/events`}>
      <div className="rounded-lg border border-zinc-200 bg-white max-md:border-0 max-md:bg-transparent dark:border-zinc-800 dark:bg-zinc-900 max-md:dark:bg-transparent">
        <Table className="audit-table">
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
            <AuditRows {...rowsData(events)} filters={filters} />
          </tbody>
        </Table>
      </div>
    </AuditEventDetailsProvider>
  );
}
