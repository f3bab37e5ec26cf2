"use client";

import { ConfirmAction } from "@/components/members/confirm-action";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  account: string;
  children: React.ReactNode;
};

/**
 * Disconnect, after a confirmation that lists the applications losing update and auto-deploy. The
 * action then brings the page back with ?disconnected=…, where it says what changed and how to
 * uninstall the App on GitHub.
 */
export function DisconnectButton({ action, account, children }: Props) {
  return (
    <ConfirmAction
      trigger="Disconnect"
      triggerName={`Disconnect ${account}`}
      title={`Disconnect ${account}?`}
      confirm="Disconnect"
      pendingLabel="Disconnecting…"
      action={action}
      focusAfter="git-heading"
    >
      {children}
    </ConfirmAction>
  );
}
