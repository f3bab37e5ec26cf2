import Link from "next/link";

type Props = { requiredRole: string; currentRole: string; orgName: string; homeHref: string };

/** Shown instead of a page the caller's role does not open: says why and what to do. */
export function RoleRequired({ requiredRole, currentRole, orgName, homeHref }: Props) {
  return (
    <section aria-labelledby="role-required" className="max-w-xl rounded-lg border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
      <h1 id="role-required" className="text-xl font-semibold">
        You need the {requiredRole} role
      </h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        Organization settings are open to owners and admins. You are a {currentRole} in {orgName}. Ask an owner or admin of the
        organization if something needs to change.
      </p>
      <Link href={homeHref} className="mt-4 inline-block text-sm font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
        Back to {orgName}
      </Link>
    </section>
  );
}
