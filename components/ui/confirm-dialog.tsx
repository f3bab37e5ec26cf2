"use client";

import type { ActionResult, ActionState } from "@/lib/actions/result";
import { useLazyComponent } from "./use-lazy-component";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

export type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: React.ReactNode;
  /** What will happen, in words. */
  description: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  variant?: "danger" | "primary";
  action: Action;
  /** Hidden fields naming the chosen row (the server re-reads it within the caller's organization). */
  fields?: Record<string, string>;
  /** Asks to type this exactly first; sent as `typedField`. */
  typed?: { expected: string; field: string };
  /** Extra inputs (a successor to choose, say); they read errors through `fieldError`. */
  extra?: (feedback: { fieldError: (name: string) => string | undefined; value: (name: string) => string }) => React.ReactNode;
  onSuccess?: (result: ActionResult & { ok: true }) => void;
};

const loadPanel = () => import("./confirm-dialog-panel").then((module) => module.ConfirmDialogPanel);

/**
 * The one confirmation dialog. A table renders it once and opens it for the chosen row. Success
 * toasts and closes it; a refusal stays inside with the message next to what caused it. The
 * dialog primitive is fetched the first time it opens, not with every page that might ask.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const Panel = useLazyComponent(loadPanel, props.open);
  return Panel ? <Panel {...props} /> : null;
}
