"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/ui/select-field";
import { Table, TableCaption, TableHead, TableHeaderCell } from "@/components/ui/table";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { focusHeading } from "./focus-heading";
import { JoinRequestRow, type JoinRequestDecision, type JoinRequestRowData } from "./join-request-row";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;
export type JoinRequestsTableProps = { caption: string; requests: JoinRequestRowData[]; actions: { approve: Action; decline: Action } };

const roleOptions = [
  { value: "developer", label: "Developer" },
  { value: "viewer", label: "Viewer" },
];

/**
 * Members → Requests: plain rows, and the approve and decline dialogs once for the table. The
 * form sends the request's id (and the chosen role); the server re-reads the request within the
 * organization and caps the role at Developer whatever is sent.
 */
export function JoinRequestsTable({ caption, requests, actions }: JoinRequestsTableProps) {
  const [chosen, setChosen] = useState<{ request: JoinRequestRowData; decision: JoinRequestDecision } | null>(null);
  const [open, setOpen] = useState(false);
  const choose = (request: JoinRequestRowData, decision: JoinRequestDecision) => {
    setChosen({ request, decision });
    setOpen(true);
  };
  const request = chosen?.request;
  const who = request ? (request.name ?? request.email) : "";
  const fields: Record<string, string> = request ? { requestId: request.id } : {};
  const shared = { open, onOpenChange: setOpen, fields, onSuccess: focusHeading };
  return (
    <>
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
          {requests.map((row) => (
            <JoinRequestRow key={row.id} request={row} onChoose={choose} />
          ))}
        </tbody>
      </Table>
      {request && chosen.decision === "approve" && (
        <ConfirmDialog
          {...shared}
          variant="primary"
          title={`Approve ${who}?`}
          description={`${who} (${request.email}) asked to join through ${request.domain}. They join with the role you choose (joining through a domain never gives more than Developer) and get an email.`}
          confirmLabel="Approve"
          pendingLabel="Approving…"
          action={actions.approve}
          extra={({ fieldError }) => <RoleChoice error={fieldError("role")} />}
        />
      )}
      {request && chosen.decision === "decline" && (
        <ConfirmDialog
          {...shared}
          title={`Decline the request of ${who}?`}
          description={`${who} (${request.email}) does not join, and gets an email saying an admin declined. They can still be invited.`}
          confirmLabel="Decline request"
          pendingLabel="Declining…"
          action={actions.decline}
        />
      )}
    </>
  );
}

/** Controlled, so React's reset of the form after a refusal keeps the choice. */
function RoleChoice({ error }: { error?: string }) {
  const [role, setRole] = useState("developer");
  return <SelectField name="role" label="Role" options={roleOptions} value={role} onChange={setRole} error={error} />;
}
