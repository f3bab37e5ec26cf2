"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useLazyComponent } from "@/components/ui/use-lazy-component";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { AccountProviderName } from "./credential-fields";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

/** What the table's dialogs know of the chosen account. */
export type CloudAccountRef = { id: string; name: string; provider: AccountProviderName; providerLabel: string; usedBy: string[] };
export type AccountDialogKind = "rename" | "rotate" | "delete";

type Context = { open: (account: CloudAccountRef, kind: AccountDialogKind) => void };
const CloudAccountActionsContext = createContext<Context | null>(null);

export function useCloudAccountActions(): Context {
  const context = useContext(CloudAccountActionsContext);
  if (!context) throw new Error("useCloudAccountActions outside CloudAccountActions");
  return context;
}

const loadPanel = () => import("./account-dialog-panel").then((module) => module.AccountDialogPanel);

const menuTriggerOf = (id: string) => document.querySelector<HTMLElement>(`[data-account-menu="${CSS.escape(id)}"] [data-row-menu]`);

/**
 * The table's dialogs, once for all rows: Rename and Rotate credentials in the kit's Dialog
 * (fetched when first opened), Delete in the kit's ConfirmDialog. Rows only say which account.
 */
export function CloudAccountActions({ headingId, actions, children }: { headingId: string; actions: Record<AccountDialogKind, Action>; children: React.ReactNode }) {
  const [chosen, setChosen] = useState<{ account: CloudAccountRef; kind: AccountDialogKind } | null>(null);
  const focusAfter = useRef<(() => HTMLElement | null) | null>(null);
  const Panel = useLazyComponent(loadPanel, chosen !== null && chosen.kind !== "delete");

  // After the dialog has unmounted (and Radix put focus back on a menu item now gone).
  useEffect(() => {
    if (chosen || !focusAfter.current) return;
    const target = focusAfter.current;
    focusAfter.current = null;
    const timer = setTimeout(() => target()?.focus());
    return () => clearTimeout(timer);
  }, [chosen]);

  const open = useCallback((account: CloudAccountRef, kind: AccountDialogKind) => setChosen({ account, kind }), []);
  const close = (success: boolean) => {
    const id = chosen?.account.id ?? "";
    focusAfter.current = success && chosen?.kind === "delete" ? () => document.getElementById(headingId) : () => menuTriggerOf(id);
    setChosen(null);
  };

  return (
    <CloudAccountActionsContext.Provider value={{ open }}>
      {children}
      {chosen?.kind === "delete" && (
        <ConfirmDialog
          open
          onOpenChange={(isOpen) => !isOpen && close(false)}
          onSuccess={() => close(true)}
          title={`Delete ${chosen.account.name}?`}
          description={<p>Its sealed credentials are deleted. Clusters can no longer be added with this {chosen.account.providerLabel} account. This cannot be undone.</p>}
          confirmLabel="Delete cloud account"
          pendingLabel="Deleting…"
          variant="danger"
          action={actions.delete}
          fields={{ cloudAccountId: chosen.account.id }}
        />
      )}
      {chosen && chosen.kind !== "delete" && Panel && (
        <Panel
          key={`${chosen.kind}:${chosen.account.id}`}
          kind={chosen.kind}
          account={chosen.account}
          action={actions[chosen.kind]}
          onOpenChange={(isOpen) => !isOpen && close(false)}
          onSuccess={() => close(true)}
        />
      )}
    </CloudAccountActionsContext.Provider>
  );
}
