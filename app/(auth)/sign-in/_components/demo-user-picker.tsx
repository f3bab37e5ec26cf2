"use client";

import { useActionState } from "react";
import { demoUsers } from "@/lib/demo";
import { signInAsDeveloper } from "../actions";
import { FormError } from "@/components/ui/field";

/** One-click sign-in as a seeded demo user (development sign-in only). */
export function DemoUserPicker({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInAsDeveloper, null);
  return (
    <form action={action}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormError message={state && !state.ok ? state.formError : undefined} />
      <fieldset disabled={pending} className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">Or pick a demo user</legend>
        {demoUsers.map((user) => (
          <button
            key={user.email}
            type="submit"
            name="email"
            value={user.email}
            className="flex min-w-0 flex-wrap items-center justify-between gap-x-3 rounded-md border border-zinc-300 bg-white px-3 py-2 text-left text-sm hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            <span>
              <span className="sr-only">Sign in as </span>
              <span className="font-medium">{user.name}</span>
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">{user.describes}</span>
            </span>
            <span className="text-xs break-all text-zinc-600 dark:text-zinc-400">{user.email}</span>
          </button>
        ))}
      </fieldset>
    </form>
  );
}
