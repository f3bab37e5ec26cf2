"use client";

import { buttonClass } from "@/components/ui/button-styles";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";

export type InvitationLink = { email: string; url: string };

/** Shows an invitation's link to copy by hand (loaded by InvitationsDialogs when first needed). */
export function InvitationLinkDialog({ link, onClose }: { link: InvitationLink | null; onClose: () => void }) {
  return (
    <Dialog open={link !== null} onOpenChange={(open) => !open && onClose()}>
      {link && (
        <DialogContent title={`Invitation link for ${link.email}`} description="Anyone with this link can join as the invited person until it expires. Send it to them yourself.">
          <label htmlFor="invitation-link" className="mt-4 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
            Link
          </label>
          <input
            id="invitation-link"
            readOnly
            value={link.url}
            autoFocus
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 block w-full rounded-md border border-zinc-300 bg-zinc-50 px-2 py-1.5 font-mono text-xs text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
          />
          <DialogFooter>
            <DialogClose className={buttonClass({ variant: "secondary" })}>Close</DialogClose>
          </DialogFooter>
        </DialogContent>
      )}
    </Dialog>
  );
}
