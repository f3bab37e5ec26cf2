"use client";

import { useActionState, useState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { FormError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { JoinPolicy, JoinRole } from "@/lib/domains/schemas";

type Props = {
  domainId: string;
  domain: string;
  policy: JoinPolicy;
  role: JoinRole;
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
};

const choices: { value: JoinPolicy; label: string; hint: string }[] = [
  { value: "invite_only", label: "Invite only", hint: "People join only when an admin invites them." },
  { value: "request", label: "Request to join", hint: "They see the organization in their switcher and ask; admins approve or decline in Members → Requests." },
  { value: "auto_join", label: "Join automatically", hint: "They join at once, with the role chosen below, while seats are free." },
];

/** Who at a verified domain may join: ids are per domain, since every card has this form. */
export function DomainPolicyForm({ domainId, domain, policy, role, action }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError } = useActionFeedback(state);
  const [chosen, setChosen] = useState<JoinPolicy>(policy);
  const roleId = `role-${domainId}`;
  return (
    <form action={submit} className="mt-4 space-y-4">
      <input type="hidden" name="domainId" value={domainId} />
      <FormError message={formError ?? fieldError("role")} />
      <fieldset disabled={pending} className="space-y-3">
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">People signed in with an address at {domain}</legend>
        {choices.map((choice) => {
          const id = `policy-${domainId}-${choice.value}`;
          return (
            <div key={choice.value} className="flex items-start gap-2">
              <input
                type="radio"
                id={id}
                name="policy"
                value={choice.value}
                checked={chosen === choice.value}
                onChange={() => setChosen(choice.value)}
                aria-describedby={`${id}-hint`}
                className="mt-1 size-4 accent-indigo-600"
              />
              <div className="min-w-0">
                <label htmlFor={id} className="text-sm font-medium">
                  {choice.label}
                </label>
                <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
                  {choice.hint}
                </p>
              </div>
            </div>
          );
        })}
        {chosen === "auto_join" && (
          <div className="ml-6 max-w-xs">
            <label htmlFor={roleId} className="block text-sm font-medium">
              Role when joining
            </label>
            <select id={roleId} name="role" defaultValue={role} aria-describedby={`${roleId}-hint`} className={inputClass}>
              <option value="developer">Developer</option>
              <option value="viewer">Viewer</option>
            </select>
            <p id={`${roleId}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              Never above Developer: admins are always invited.
            </p>
          </div>
        )}
        <SubmitButton pendingLabel="Saving…">Save policy</SubmitButton>
      </fieldset>
    </form>
  );
}
