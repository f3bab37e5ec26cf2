"use client";

import { useState } from "react";
import { rowButtonClass } from "@/components/clusters/styles";
import { ConfirmAction } from "@/components/members/confirm-action";
import { useToastingAction } from "@/components/members/use-toasting-action";
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
  /** Null for callers without project.edit: the list is then read-only. */
  actions: null | { edit: Action; move: Action; remove: Action };
};

function MoveButton({ action, projectId, rule, direction }: { action: Action; projectId: string; rule: RuleItem; direction: "up" | "down" }) {
  const { submit, pending, formError } = useToastingAction(action);
  const label = direction === "up" ? "Move up" : "Move down";
  return (
    <form action={submit} className="contents">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="ruleId" value={rule.id} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" disabled={pending} className={rowButtonClass}>
        {label}
        <span className="sr-only"> rule {rule.pattern}</span>
      </button>
      <span role="status" className="text-xs text-red-700 empty:hidden dark:text-red-400">
        {formError}
      </span>
    </form>
  );
}

function RuleRow({ rule, index, count, projectId, clusters, modes, actions }: Omit<Props, "rules"> & { rule: RuleItem; index: number; count: number }) {
  const [editing, setEditing] = useState(false);
  return (
    <li className="py-3" data-testid="rule-row">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm">
          <span className="mr-2 inline-block w-6 text-right font-mono text-zinc-500">{index + 1}.</span>
          <code className="font-mono font-medium">{rule.pattern}</code>
          <span className="text-zinc-600 dark:text-zinc-400"> → cluster </span>
          <span className="font-medium">{rule.clusterName}</span>
          <span className="text-zinc-600 dark:text-zinc-400">, mode </span>
          <span className="font-medium">{rule.modeLabel}</span>
        </p>
        {actions && (
          <div className="flex flex-wrap items-center gap-2">
            {index > 0 && <MoveButton action={actions.move} projectId={projectId} rule={rule} direction="up" />}
            {index < count - 1 && <MoveButton action={actions.move} projectId={projectId} rule={rule} direction="down" />}
            <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)} className={rowButtonClass}>
              {editing ? "Close" : "Edit"}
              <span className="sr-only"> rule {rule.pattern}</span>
            </button>
            <ConfirmAction
              trigger="Delete"
              triggerName={`Delete rule ${rule.pattern}`}
              title={`Delete the rule ${rule.pattern}?`}
              confirm="Delete rule"
              pendingLabel="Deleting…"
              action={actions.remove}
              fields={{ projectId, ruleId: rule.id }}
              focusAfter="rules-heading"
            >
              <p>New environments stop matching it. Environments it already placed stay where they are.</p>
            </ConfirmAction>
          </div>
        )}
      </div>
      {actions && editing && (
        <div className="mt-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
          <RuleForm
            action={actions.edit}
            hidden={{ projectId, ruleId: rule.id }}
            clusters={clusters}
            modes={modes}
            saved={{ pattern: rule.pattern, clusterId: rule.clusterId, mode: rule.mode }}
            submitLabel="Save rule"
            pendingLabel="Saving…"
            onSaved={() => setEditing(false)}
          />
        </div>
      )}
    </li>
  );
}

/** The ordered rules, tried from the top; the first whose pattern matches a new environment's name wins. */
export function RuleList({ projectId, rules, clusters, modes, actions }: Props) {
  if (rules.length === 0) {
    return <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400" data-testid="rules-empty">No deployment rules: Automatic uses the default cluster.</p>;
  }
  return (
    <ol className="mt-3 divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Deployment rules, in the order they are tried">
      {rules.map((rule, index) => (
        <RuleRow key={rule.id} rule={rule} index={index} count={rules.length} projectId={projectId} clusters={clusters} modes={modes} actions={actions} />
      ))}
    </ol>
  );
}
