"use client";

import { createContext, useContext, useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

/** What a row asks to confirm: the dialog's words, the action and the hidden fields naming the row. */
export type RowConfirmation = {
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  action: Action;
  fields?: Record<string, string>;
  /** Where focus goes after success: the row that opened the dialog is usually gone. */
  focusAfter?: string;
};

const Ask = createContext<(confirmation: RowConfirmation) => void>(() => {});

/**
 * The account page's tables hold one ConfirmDialog each, outside their rows; a row's button only
 * says which confirmation to open. The server re-reads the row within the caller's reach.
 */
export function RowConfirmations({ children }: { children: React.ReactNode }) {
  const [asked, setAsked] = useState<RowConfirmation | null>(null);
  return (
    <Ask.Provider value={setAsked}>
      {children}
      <ConfirmDialog
        open={asked !== null}
        onOpenChange={(open) => !open && setAsked(null)}
        title={asked?.title ?? ""}
        description={asked?.description ?? ""}
        confirmLabel={asked?.confirmLabel ?? ""}
        pendingLabel={asked?.pendingLabel ?? ""}
        action={asked?.action ?? (async () => ({ ok: false }))}
        fields={asked?.fields}
        onSuccess={() => asked?.focusAfter && document.getElementById(asked.focusAfter)?.focus()}
      />
    </Ask.Provider>
  );
}

/** A row's one action, opening its table's confirmation. */
export function RowConfirmButton({ label, accessibleName, confirmation }: { label: string; accessibleName: string; confirmation: RowConfirmation }) {
  const ask = useContext(Ask);
  return (
    <button type="button" aria-label={accessibleName} aria-haspopup="dialog" onClick={() => ask(confirmation)} className={buttonClass({ variant: "secondary", size: "sm", className: "text-red-700 dark:text-red-400" })}>
      {label}
    </button>
  );
}
