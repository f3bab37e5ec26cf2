"use client";

import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RowActions } from "@/components/ui/row-actions";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { RuleForm } from "./rule-form";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;
type Option = { value: string; label: string };

export type RuleItem = { id: string; position: number; pattern: string; mode: string; modeLabel: string; clusterId: string; clusterName: string };

type Props = {
  projectId: string;
  rules: RuleItem[];
  clusters: Option[];
  modes: Option[];
  /** Null for callers without project.edit: the list is then read-only and the menus say why. */
  actions: null | { edit: Action; move: Action; remove: Action };
  /** Why the caller may not change rules (shown on each menu item), when `actions` is null. */
  denied: string;
};

/**
 * The ordered rules, tried from the top; the first whose pattern matches a new environment's name
 * wins. Each row has one menu (Move up, Move down, Edit, Delete); the delete confirmation exists
 * once for the list, and the one rule being edited opens its form under its row.
 */
export function RuleList({ projectId, rules, clusters, modes, actions, denied }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<RuleItem | null>(null);
  const [, startTransition] = useTransition();
  if (rules.length === 0) {
    return <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400" data-testid="rules-empty">No deployment rules: Automatic uses the default cluster.</p>;
  }
  const move = (rule: RuleItem, direction: "up" | "down") => {
    if (!actions) return;
    const formData = new FormData();
    formData.set("projectId", projectId);
    formData.set("ruleId", rule.id);
    formData.set("direction", direction);
    startTransition(async () => {
      const result = await actions.move(null, formData);
      if (result.ok) {
        if (result.message) toast.success(result.message);
      } else toast.error(result.formError ?? result.fieldErrors?.ruleId ?? "The rule did not move. Try again.");
    });
  };
  const off = actions ? undefined : denied;
  return (
    <>
      <ol className="mt-3 divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Deployment rules, in the order they are tried">
        {rules.map((rule, index) => (
          <li key={rule.id} className="py-3" data-testid="rule-row">
            <div className="flex items-center justify-between gap-3">
              <p className="min-w-0 text-sm break-words">
                <span className="mr-2 inline-block w-6 text-right font-mono text-zinc-600 dark:text-zinc-400">{index + 1}.</span>
                <code className="font-mono font-medium">{rule.pattern}</code>
                <span className="text-zinc-600 dark:text-zinc-400"> → cluster </span>
                <span className="font-medium">{rule.clusterName}</span>
                <span className="text-zinc-600 dark:text-zinc-400">, mode </span>
                <span className="font-medium">{rule.modeLabel}</span>
              </p>
              <RowActions
                label={`Actions for rule ${rule.pattern}`}
                actions={[
                  { label: "Move up", disabledReason: off ?? (index === 0 ? "It is already the first rule." : undefined), onSelect: () => move(rule, "up") },
                  {
                    label: "Move down",
                    disabledReason: off ?? (index === rules.length - 1 ? "It is already the last rule." : undefined),
                    onSelect: () => move(rule, "down"),
                  },
                  { label: editing === rule.id ? "Close editing" : "Edit", disabledReason: off, onSelect: () => setEditing(editing === rule.id ? null : rule.id) },
                  { label: "Delete", variant: "danger", separated: true, disabledReason: off, onSelect: () => setDeleting(rule) },
                ]}
              />
            </div>
            {actions && editing === rule.id && (
              <div className="mt-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
                <RuleForm
                  action={actions.edit}
                  hidden={{ projectId, ruleId: rule.id }}
                  clusters={clusters}
                  modes={modes}
                  saved={{ pattern: rule.pattern, clusterId: rule.clusterId, mode: rule.mode }}
                  submitLabel="Save rule"
                  pendingLabel="Saving…"
                  onSaved={() => setEditing(null)}
                />
              </div>
            )}
          </li>
        ))}
      </ol>
      {actions && deleting && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setDeleting(null)}
          onSuccess={() => setTimeout(() => document.getElementById("rules-heading")?.focus())}
          title={`Delete the rule ${deleting.pattern}?`}
          description={<p>New environments stop matching it. Environments it already placed stay where they are.</p>}
          confirmLabel="Delete rule"
          pendingLabel="Deleting…"
          action={actions.remove}
          fields={{ projectId, ruleId: deleting.id }}
        />
      )}
    </>
  );
}
