"use client";

import { Table, TableCaption, TableHead, TableHeaderCell } from "@/components/ui/table";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { JoinRequestRow, type JoinRequestRowData } from "./join-request-row";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;
export type JoinRequestsTableProps = { caption: string; requests: JoinRequestRowData[]; actions: { approve: Action; decline: Action } };

export function JoinRequestsTable({ caption, requests, actions }: JoinRequestsTableProps) {
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHead>
        <tr>
          <TableHeaderCell>Person</TableHeaderCell>
          <TableHeaderCell>Asked</TableHeaderCell>
          <TableHeaderCell>
            <span className="sr-only">Answer</span>
          </TableHeaderCell>
        </tr>
      </TableHead>
      <tbody>
        {requests.map((request) => (
          <JoinRequestRow key={request.id} request={request} actions={actions} />
        ))}
      </tbody>
    </Table>
  );
}
