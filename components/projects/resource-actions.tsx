"use client";

import { createContext, useContext, useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { useLazyComponent } from "@/components/ui/use-lazy-component";
import { type ResourceKind, resourceLabels } from "@/lib/projects/resource-kinds";

// Opened by few visitors: the dialog (Radix) is fetched the first time SSH is chosen.
const loadSshDialog = () => import("./application-ssh-dialog").then((module) => module.ApplicationSshDialog);

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

/** What a row's menu knows of its application or database: enough for the table's dialogs. */
export type ResourceRowRef = {
  id: string;
  name: string;
  /** "acme/web, branch main" or "MySQL 8.0": what the delete dialog names. */
  summary: string;
  sshCommand?: string | null;
};

type Chosen = { row: ResourceRowRef; action: "delete" | "ssh" };

const ResourceActionsContext = createContext<((chosen: Chosen) => void) | null>(null);

export function useChooseResourceAction() {
  const choose = useContext(ResourceActionsContext);
  if (!choose) throw new Error("useChooseResourceAction outside ResourceActions");
  return choose;
}

type Props = {
  kind: ResourceKind;
  scope: { projectId: string; environmentId: string };
  /** Null when the caller may not delete here (the menus then say why). */
  deleteAction: Action | null;
  /** Where focus goes after a delete removed the row. */
  focusAfter: string;
  children: React.ReactNode;
};

const menuTriggerOf = (id: string) => document.querySelector<HTMLElement>(`[data-resource-menu="${CSS.escape(id)}"] button`);

const deleteText: Record<ResourceKind, (row: ResourceRowRef) => string> = {
  application: (row: ResourceRowRef) => `The application ${row.name} (${row.summary}) is removed from this environment. Its repository is not touched.`,
  database: (row: ResourceRowRef) => `The ${row.summary} database ${row.name} is removed from this environment, with its data.`,
};

/**
 * The dialogs behind a table of applications or databases, once per table: the kit's
 * ConfirmDialog for Delete and the SSH dialog. Rows only say which row and which action.
 */
export function ResourceActions({ kind, scope, deleteAction, focusAfter, children }: Props) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const focusTarget = useRef<(() => HTMLElement | null) | null>(null);
  const sshApplication = chosen?.action === "ssh" && chosen.row.sshCommand ? { name: chosen.row.name, command: chosen.row.sshCommand } : null;
  const SshDialog = useLazyComponent(loadSshDialog, sshApplication !== null);

  // After the dialog has gone (and Radix has tried the menu item it came from, now unmounted).
  useEffect(() => {
    if (chosen || !focusTarget.current) return;
    const target = focusTarget.current;
    focusTarget.current = null;
    const timer = setTimeout(() => target()?.focus());
    return () => clearTimeout(timer);
  }, [chosen]);

  const close = (deleted: boolean) => {
    const id = chosen?.row.id ?? "";
    focusTarget.current = deleted ? () => document.getElementById(focusAfter) : () => menuTriggerOf(id);
    setChosen(null);
  };

  return (
    <ResourceActionsContext.Provider value={setChosen}>
      {children}
      {chosen?.action === "delete" && deleteAction && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && close(false)}
          onSuccess={() => close(true)}
          title={`Delete ${chosen.row.name}?`}
          description={deleteText[kind](chosen.row)}
          confirmLabel={`Delete ${kind}`}
          pendingLabel="Deleting…"
          action={deleteAction}
          fields={{ ...scope, [resourceLabels[kind].idField]: chosen.row.id }}
        />
      )}
      {SshDialog && <SshDialog application={sshApplication} onOpenChange={(open) => !open && close(false)} />}
    </ResourceActionsContext.Provider>
  );
}
