"use client";

import Link from "next/link";
import { AuditEventDetailsButton } from "./audit-event-details";

/** One row's data, as small as it can be: the page sends this once (RSC payload) and the HTML renders it. */
export type AuditRow = {
  id: number;
  /** ISO time, and as the log shows it (formatted on the server, in UTC). */
  at: string;
  time: string;
  who: string;
  kind: "person" | "former" | "system";
  /** The actor's current email (people with an account), for the Filter link. */
  email: string | null;
  /** As recorded at the time (shown for a deleted account). */
  label: string;
  text: string;
  act: string;
  code: string;
  type: string;
  target: string;
  origin: string;
};

type Props = { rows: AuditRow[]; basePath: string; filters: Record<string, string> };

/**
 * The log's rows, rendered from their data by a client component on purpose: server-rendered rows
 * are sent twice (HTML and RSC payload), these once as HTML and once as compact data. Styles come
 * from the table (dense-table plus the audit table's descendant classes), not from each element.
 */
export function AuditRows({ rows, basePath, filters }: Props) {
  const actorHref = (email: string) => `${basePath}?${new URLSearchParams(Object.entries({ ...filters, actor: email }).filter((entry) => entry[1] !== ""))}`;
  return rows.map((row) => (
    <tr key={row.id} data-testid="audit-event">
      <td data-label="Time">
        <time dateTime={row.at}>{row.time}</time>
      </td>
      <td data-label="Actor">
        <div>
          <b>{row.who}</b>
          {row.kind === "person" && row.email && (
            <small>
              {row.email !== row.who && `${row.email} · `}
              <Link href={actorHref(row.email)}>
                Filter<span className="sr-only"> by {row.who}</span>
              </Link>
            </small>
          )}
          {row.kind === "former" && <small>Account deleted · recorded as {row.label}</small>}
        </div>
      </td>
      <td data-label="Event">
        <div>
          <p>{row.text}</p>
          <small>
            {row.act} <code>({row.code})</code>
          </small>
        </div>
      </td>
      <td data-label="Target">
        <div>
          <small>{row.type}</small>
          <p>{row.target}</p>
        </div>
      </td>
      <td data-label="Origin">
        <span>{row.origin}</span>
      </td>
      <td data-label="Values">
        <AuditEventDetailsButton id={row.id} />
      </td>
    </tr>
  ));
}
