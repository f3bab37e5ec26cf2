"use client";

import { useActionState } from "react";
import { toast } from "@/components/ui/toast";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

/**
 * useActionState whose success toast fires as soon as the action answers, not from an effect:
 * removing a member or revoking an invitation unmounts the very row whose form asked, and an
 * effect in it would never run. Errors stay in the state, shown inline like useActionFeedback.
 */
export function useToastingAction(action: Action) {
  const [state, submit, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok && result.message) toast.success(result.message);
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  return {
    state,
    submit,
    pending,
    formError: failed?.formError,
    fieldError: (name: string) => failed?.fieldErrors?.[name],
    value: (name: string, saved: string) => failed?.values?.[name] ?? saved,
  };
}
