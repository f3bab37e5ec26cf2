"use client";

import { useEffect } from "react";
import { toast } from "@/components/ui/toast";
import type { ActionState } from "@/lib/actions/result";

/**
 * Success becomes a toast; errors stay inline. Also returns, for each field, what the user typed
 * on a failed submit (React 19 resets uncontrolled forms after an action) or else the saved value.
 */
export function useActionFeedback(state: ActionState) {
  useEffect(() => {
    if (state?.ok && state.message) toast.success(state.message);
  }, [state]);
  const failed = state && !state.ok ? state : null;
  return {
    fieldError: (name: string) => failed?.fieldErrors?.[name],
    formError: failed?.formError,
    value: (name: string, saved: string) => failed?.values?.[name] ?? saved,
  };
}
