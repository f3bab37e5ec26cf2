"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { AssignableRole } from "@/lib/members/rules";
import { InviteForm, type Seats } from "./invite-form";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  roles: AssignableRole[];
  seats: Seats;
};

/**
 * The page header's "Invite members": the invite form in a dialog. After sending, the page stays
 * on its tab: the toast says what happened and the Invitations tab's count (refreshed) shows it.
 */
export function InviteDialog({ action, roles, seats }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Invite members</Button>
      </DialogTrigger>
      <DialogContent title="Invite members" description="Invited people join with the role you choose once they accept.">
        <InviteForm action={action} roles={roles} seats={seats} onSuccess={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
