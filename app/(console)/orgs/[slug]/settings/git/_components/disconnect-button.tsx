"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";

/** The applications that lose update and auto-deploy: the first ones, with how many more. */
export type LosingApplications = { total: number; rows: { name: string; place: string; repository: string }[]; more?: string };

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  account: string;
  orgName: string;
  appName: string;
  losing: LosingApplications;
};

/**
 * Disconnect, after the kit's confirmation saying what changes, with the applications losing
 * update and auto-deploy. They come as data and the words are written here, so a dialog that is
 * closed costs the page its list once, not as server-rendered markup. The action then brings the
 * page back with ?disconnected=…, where it says what changed and how to uninstall the App on GitHub.
 */
export function DisconnectButton({ action, account, orgName, appName, losing }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" aria-label={`Disconnect ${account}`} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Disconnect
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Disconnect ${account}?`}
        description={
          <>
            <p>
              {orgName} stops using {appName} on {account}: the platform can again see all the repositories your own Git account can, and every
              member sees them in the repository pickers.
            </p>
            {losing.total > 0 ? (
              <>
                <p className="mt-2">
                  {losing.total === 1 ? "This application loses" : `These ${losing.total} applications lose`} update and auto-deploy through the App:
                </p>
                <ul className="mt-1 max-h-48 list-disc overflow-y-auto pl-5" data-testid="git-disconnect-applications">
                  {losing.rows.map((app, index) => (
                    <li key={index}>
                      {app.name} ({app.place}) — <span className="font-mono">{app.repository}</span>
                    </li>
                  ))}
                  {losing.more && <li>{losing.more}</li>}
                </ul>
              </>
            ) : (
              <p className="mt-2">No application uses a repository of this installation.</p>
            )}
            <p className="mt-2">The App stays installed on GitHub until you uninstall it there.</p>
          </>
        }
        confirmLabel="Disconnect"
        pendingLabel="Disconnecting…"
        action={action}
        onSuccess={focusHeading}
      />
    </>
  );
}

// The Disconnect button is gone once the page comes back disconnected: focus goes to its title.
function focusHeading() {
  const heading = document.getElementById("git-heading");
  heading?.setAttribute("tabindex", "-1");
  heading?.focus();
}
