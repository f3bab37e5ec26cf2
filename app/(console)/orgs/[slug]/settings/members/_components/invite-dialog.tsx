"use client";

import { useRouter } from "next/navigation";
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
  /** Where the new invitations are listed: the page goes there once they are sent. */
  invitationsHref: string;
};

/** The page header's "Invite members": the invite form in a dialog. */
export function InviteDialog({ action, roles, seats, invitationsHref }: Props) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Invite members</Button>
      </DialogTrigger>
      <DialogContent title="Invite members" description="Invited people join with the role you choose once they accept.">
        <InviteForm
          action={action}
          roles={roles}
          seats={seats}
          onSuccess={() => {
            setOpen(false);
            router.push(invitationsHref);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
