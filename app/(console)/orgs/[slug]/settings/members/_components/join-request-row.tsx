"use client";

import { Button } from "@/components/ui/button";
import { RowActions } from "@/components/ui/row-actions";

export type JoinRequestRowData = { id: string; name: string | null; email: string; domain: string; asked: string };
export type JoinRequestDecision = "approve" | "decline";

/**
 * A plain row: who asked, when, "Approve…" and a menu holding "Decline…". The dialogs behind them
 * exist once for the table (JoinRequestsTable); the row only says which request was chosen.
 */
export function JoinRequestRow({ request, onChoose }: { request: JoinRequestRowData; onChoose: (request: JoinRequestRowData, decision: JoinRequestDecision) => void }) {
  const who = request.name ?? request.email;
  return (
    <tr data-testid="join-request-row">
      <td className="break-all">
        <span className="font-medium">{who}</span>
        {request.name && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{request.email}</span>}
      </td>
      <td data-label="Asked">{request.asked}</td>
      <td data-actions="">
        <div className="flex items-center justify-end gap-2">
          <Button size="sm" variant="secondary" aria-label={`Approve ${who}…`} onClick={() => onChoose(request, "approve")}>
            Approve…
          </Button>
          <RowActions label={`Actions for the request of ${who}`} actions={[{ label: "Decline…", variant: "danger", onSelect: () => onChoose(request, "decline") }]} />
        </div>
      </td>
    </tr>
  );
}
