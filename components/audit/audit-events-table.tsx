import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import type { AuditActorView, AuditEventView } from "@/lib/audit/present";
import { AuditEventValues } from "./audit-event-values";
import { formatAuditTime } from "./format";

type Props = {
  orgName: string;
  events: AuditEventView[];
  /** The log filtered to one actor (by their current email), keeping the other filters. */
  actorHref: (email: string) => string;
};

const cell = "px-3 py-2 align-top";
const muted = "text-zinc-600 dark:text-zinc-400";

function ActorCell({ actor, actorHref }: { actor: AuditActorView; actorHref: Props["actorHref"] }) {
  return (
    <div className="flex items-start gap-2">
      <Avatar name={actor.name} email={actor.email ?? actor.name} image={actor.image} />
      <div className="min-w-0">
        <p className="font-medium break-words">{actor.name}</p>
        {actor.kind === "person" && actor.email && (
          <>
            {actor.email !== actor.name && <p className={`break-all ${muted}`}>{actor.email}</p>}
            <Link href={actorHref(actor.email)} className="text-xs text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
              Filter<span className="sr-only"> by {actor.name}</span>
            </Link>
          </>
        )}
        {actor.kind === "former" && <p className={`text-xs ${muted}`}>Account deleted · recorded as {actor.label}</p>}
      </div>
    </div>
  );
}

export function AuditEventsTable({ orgName, events, actorHref }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit events of {orgName}, newest first</caption>
        <thead className="border-b border-zinc-200 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={cell}>Time</th>
            <th scope="col" className={cell}>Actor</th>
            <th scope="col" className={cell}>Event</th>
            <th scope="col" className={cell}>Target</th>
            <th scope="col" className={cell}>Origin</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {events.map((event) => {
            const iso = event.createdAt.toISOString();
            return (
              <tr key={event.id} data-testid="audit-event">
                <td className={`${cell} whitespace-nowrap`}>
                  <time dateTime={iso} title={iso}>
                    {formatAuditTime(event.createdAt)}
                  </time>
                </td>
                <td className={`${cell} min-w-48`}>
                  <ActorCell actor={event.actor} actorHref={actorHref} />
                </td>
                <td className={`${cell} min-w-64`}>
                  <p>{event.description}</p>
                  <p className={`text-xs ${muted}`}>
                    {event.actionLabel} <span className="font-mono">({event.action})</span>
                  </p>
                  <AuditEventValues before={event.before} after={event.after} />
                </td>
                <td className={cell}>
                  <p className={`text-xs ${muted}`}>{event.target.typeLabel}</p>
                  <p className="break-words">{event.target.label}</p>
                </td>
                <td className={`${cell} whitespace-nowrap`}>{event.originLabel}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
