"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { useLazyComponent } from "@/components/ui/use-lazy-component";
import type { SuccessorSelect as SuccessorSelectType } from "./successor-select";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

/** What a row's controls know of their cluster: the table's dialog needs no more. */
export type ClusterRowRef = { id: string; name: string; isDefault: boolean; production: boolean };

/** Actions that run at once (a click is the decision) and those confirmed by typing the name. */
export type DirectKind = "start" | "retry" | "setDefault";
type ConfirmKind = "stop" | "delete";

type Props = {
  headingId: string;
  /** The clusters page: rows link to `${basePath}/<id>/…`, the successors list is `${basePath}/successors`. */
  basePath: string;
  actions: Record<DirectKind | ConfirmKind, Action>;
  /** How many clusters may take over as default when the default one is deleted (the dialog fetches them). */
  successorCount: number;
  children: React.ReactNode;
};

type Context = {
  confirm: (row: ClusterRowRef, kind: ConfirmKind) => void;
  run: (row: ClusterRowRef, kind: DirectKind) => void;
  /** The row whose direct action is on its way, if any. */
  pending: { id: string; kind: DirectKind } | null;
  basePath: string;
};

const ClusterActionsContext = createContext<Context | null>(null);

export function useClusterActions(): Context {
  const context = useContext(ClusterActionsContext);
  if (!context) throw new Error("useClusterActions outside ClusterActions");
  return context;
}

/** The row's "…" trigger: where focus goes back after its dialog, or after its primary button went away. */
const menuTriggerOf = (id: string) => document.querySelector<HTMLElement>(`[data-cluster-menu="${CSS.escape(id)}"] [data-row-menu]`);

/** The kit's PageHeader title is not focusable by itself; a script may still move focus to it. */
function focusableHeading(id: string): HTMLElement | null {
  const heading = document.getElementById(id);
  heading?.setAttribute("tabindex", "-1");
  return heading;
}

/**
 * The clusters table's one dialog and the state behind every row's controls: rows say which
 * cluster and which action, this runs it. Stop and Delete ask for the name in the kit's
 * ConfirmDialog; Start, Retry and Set as default run at once and answer with a toast.
 */
export function ClusterActions({ headingId, basePath, actions, successorCount, children }: Props) {
  const [chosen, setChosen] = useState<{ row: ClusterRowRef; kind: ConfirmKind } | null>(null);
  const [pending, setPending] = useState<Context["pending"]>(null);
  const [, startTransition] = useTransition();
  const focusAfter = useRef<(() => HTMLElement | null) | null>(null);

  // Runs after the dialog has unmounted and Radix has put focus back (on a menu item now gone).
  useEffect(() => {
    if (chosen || !focusAfter.current) return;
    const target = focusAfter.current;
    focusAfter.current = null;
    const timer = setTimeout(() => target()?.focus());
    return () => clearTimeout(timer);
  }, [chosen]);

  const run = useCallback(
    (row: ClusterRowRef, kind: DirectKind) => {
      const formData = new FormData();
      formData.set("clusterId", row.id);
      setPending({ id: row.id, kind });
      startTransition(async () => {
        const result = await actions[kind](null, formData);
        setPending(null);
        if (result.ok) {
          if (result.message) toast.success(result.message);
        } else {
          toast.error(result.formError ?? result.fieldErrors?.clusterId ?? "That did not work. Try again.");
        }
        // The primary button may be gone with the new state: the row's menu keeps the focus.
        setTimeout(() => {
          if (!document.activeElement || document.activeElement === document.body) menuTriggerOf(row.id)?.focus();
        });
      });
    },
    [actions],
  );

  const confirm = useCallback((row: ClusterRowRef, kind: ConfirmKind) => setChosen({ row, kind }), []);

  const close = (success: boolean) => {
    const id = chosen?.row.id ?? "";
    // After success the row has changed (or is going away): the page heading takes the focus.
    focusAfter.current = success ? () => focusableHeading(headingId) : () => menuTriggerOf(id);
    setChosen(null);
  };

  return (
    <ClusterActionsContext.Provider value={{ confirm, run, pending, basePath }}>
      {children}
      {chosen && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && close(false)}
          onSuccess={() => close(true)}
          {...dialogTexts(chosen.row, chosen.kind, successorCount)}
          variant="danger"
          action={actions[chosen.kind]}
          fields={{ clusterId: chosen.row.id }}
          typed={{ expected: chosen.row.name, field: "confirmName" }}
          extra={
            chosen.kind === "delete" && chosen.row.isDefault && successorCount > 0
              ? ({ fieldError, value }) => <LazySuccessorSelect url={`${basePath}/successors`} error={fieldError("successorId")} defaultValue={value("successorId")} />
              : undefined
          }
        />
      )}
    </ClusterActionsContext.Provider>
  );
}

const loadSuccessorSelect = () => import("./successor-select").then((module) => module.SuccessorSelect);

/** The successor select, fetched with the one dialog that shows it (deleting the default cluster), not with the page. */
function LazySuccessorSelect(props: React.ComponentProps<typeof SuccessorSelectType>) {
  const Select = useLazyComponent(loadSuccessorSelect, true);
  return Select ? <Select {...props} /> : null;
}

function dialogTexts(row: ClusterRowRef, kind: ConfirmKind, successorCount: number) {
  if (kind === "stop") {
    return {
      title: `Stop ${row.name}?`,
      confirmLabel: "Stop cluster",
      pendingLabel: "Stopping…",
      description: (
        <>
          <p>{row.name} shuts down its nodes: everything deployed on it stops answering until you start it again. Its settings and kubeconfig are kept.</p>
          {row.production && <p className="font-medium">It is a production cluster.</p>}
        </>
      ),
    };
  }
  return {
    title: `Delete ${row.name}?`,
    confirmLabel: "Delete cluster",
    pendingLabel: "Deleting…",
    description: (
      <>
        <p>{row.name} and everything deployed on it are deleted, and its kubeconfig stops working. This cannot be undone.</p>
        {row.isDefault &&
          (successorCount > 0 ? (
            <p className="font-medium">It is the default cluster: choose the cluster that becomes the default.</p>
          ) : (
            <p className="font-medium">It is the default cluster; the next cluster installed becomes the default.</p>
          ))}
      </>
    ),
  };
}
