"use client";

import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { AssignableRole } from "@/lib/members/rules";
import { InviteForm, type Seats } from "./invite-form";

export type InviteDialogPanelProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  roles: AssignableRole[];
  seats: Seats;
};

/** The invite form in a dialog, loaded by InviteDialog when it first opens. */
export function InviteDialogPanel({ open, onOpenChange, action, roles, seats }: InviteDialogPanelProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Invite members" description="Invited people join with the role you choose once they accept.">
        <InviteForm action={action} roles={roles} seats={seats} onSuccess={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}
