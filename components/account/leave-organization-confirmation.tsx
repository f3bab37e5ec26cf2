"use client";

import { useMemo, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type LeaveAction = (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;

/**
 * The account page's organizations table asks "Leave …?" with one dialog for all of its rows. A
 * row's Leave button is plain server HTML naming its organization (`data-leave`, `data-name`); a
 * click on it anywhere in the table opens this dialog, bound to that organization here. The door
 * re-reads the caller's membership of that slug, as for any organization in a URL.
 */
export function LeaveOrganizationConfirmation({ action, focusAfter, children }: { action: LeaveAction; focusAfter: string; children: React.ReactNode }) {
  const [asked, setAsked] = useState<{ slug: string; name: string } | null>(null);
  const bound = useMemo(() => (asked ? action.bind(null, asked.slug) : async () => ({ ok: false as const })), [action, asked]);
  const openFor = (event: React.MouseEvent) => {
    const button = (event.target as Element).closest<HTMLElement>("button[data-leave]");
    if (button?.dataset.leave) setAsked({ slug: button.dataset.leave, name: button.dataset.name ?? button.dataset.leave });
  };
  return (
    // The buttons inside are the interactive elements (Enter and Space click them); this only
    // hears their clicks bubble up.
    <div onClick={openFor}>
      {children}
      <ConfirmDialog
        open={asked !== null}
        onOpenChange={(open) => !open && setAsked(null)}
        title={asked ? `Leave ${asked.name}?` : ""}
        description={asked ? `You lose access to ${asked.name} at once. To come back, someone will have to invite you again.` : ""}
        confirmLabel="Leave organization"
        pendingLabel="Leaving…"
        action={bound}
        onSuccess={() => document.getElementById(focusAfter)?.focus()}
      />
    </div>
  );
}
