"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionResult>; orgName: string };

/** Leave, after the kit's confirmation; the action sends the member to an organization they still have. */
export function LeaveOrganizationButton({ action, orgName }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Leave organization
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Leave ${orgName}?`}
        description={`You lose access to ${orgName} at once, including its projects and settings.`}
        confirmLabel="Leave organization"
        pendingLabel="Leaving…"
        action={action}
      />
    </>
  );
}
