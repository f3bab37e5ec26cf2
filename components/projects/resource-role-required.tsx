import Link from "next/link";
import type { ResourceDenial } from "@/lib/pages/resource-pages";

/** Shown instead of an application or database page the caller's role does not open: why, and the way back. */
export function ResourceRoleRequired({ requiredRole, currentRole, need, backHref, backLabel }: ResourceDenial) {
  return (
    <section aria-labelledby="role-required" className="max-w-xl rounded-lg border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
      <h1 id="role-required" className="text-xl font-semibold">
        You need the {requiredRole} role
      </h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        You need the {requiredRole} role to {need}. You are a {currentRole} in this organization: ask an owner or admin if something needs to
        change.
      </p>
      <Link href={backHref} className="mt-4 inline-block text-sm font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
        {backLabel}
      </Link>
    </section>
  );
}
