import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokensSection } from "@/components/account/api-tokens-section";
import { ConsoleShell } from "@/components/layout/console-shell";
import { Avatar } from "@/components/ui/avatar";
import { ConfirmAction } from "@/components/members/confirm-action";
import { roleLabels } from "@/lib/authz/permissions";
import { accountOrganizations, requireSessionUser } from "@/lib/pages/org-page";
import { signOutAction, switchOrganization } from "../actions";
import { leaveFromAccountAction } from "./actions";
import { createApiTokenAction, revokeApiTokenAction } from "./api-token-actions";

export const metadata: Metadata = { title: "Account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const cell = "px-3 py-2 align-middle";

export default async function AccountPage({ searchParams }: Props) {
  const user = await requireSessionUser();
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? "";
  const { organizations, total } = await accountOrganizations(user.id, query);
  return (
    <ConsoleShell user={user} current={null} switchOrganization={switchOrganization} signOut={signOutAction}>
      <div className="max-w-4xl space-y-10">
        <section aria-labelledby="account-heading" className="flex items-center gap-4">
          <Avatar name={user.name} email={user.email} image={null} />
          <div>
            <h1 id="account-heading" className="text-2xl font-semibold">{user.name ?? user.email}</h1>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">{user.email}</p>
          </div>
        </section>

        <section aria-labelledby="organizations-heading">
          <h2 id="organizations-heading" tabIndex={-1} className="text-lg font-semibold">Your organizations</h2>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">Every organization you belong to, with your role in it.</p>
          <form method="get" action="/account" role="search" aria-label="Your organizations" className="mt-4 flex items-end gap-2">
            <div>
              <label htmlFor="account-q" className="block text-sm font-medium">Find an organization</label>
              <input id="account-q" name="q" type="search" defaultValue={query} maxLength={100} placeholder="Name or slug" className="mt-1 block w-72 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900" />
            </div>
            <button type="submit" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
              Find
            </button>
            {query && <Link href="/account" className="px-2 py-1.5 text-sm text-indigo-700 underline underline-offset-2 dark:text-indigo-300">Show all</Link>}
          </form>
          {organizations.length === 0 ? (
            <p className="mt-4 text-sm text-zinc-700 dark:text-zinc-300">{query ? `No organization matches “${query}”.` : "You are not in any organization."}</p>
          ) : (
            <div className="mt-4 overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Your organizations</caption>
                <thead className="border-b border-zinc-200 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400">
                  <tr>
                    <th scope="col" className={cell}>Organization</th>
                    <th scope="col" className={cell}>Your role</th>
                    <th scope="col" className={cell}><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                  {organizations.map((org) => (
                    <tr key={org.slug} data-testid="account-organization">
                      <td className={cell}>
                        <Link href={`/orgs/${org.slug}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">{org.name}</Link>
                        {org.kind === "personal" && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">Personal</span>}
                      </td>
                      <td className={cell}>{roleLabels[org.role]}</td>
                      <td className={`${cell} text-right text-zinc-600 dark:text-zinc-400`}>
                        {org.role !== "owner" ? (
                          <ConfirmAction
                            trigger="Leave"
                            triggerName={`Leave ${org.name}`}
                            title={`Leave ${org.name}?`}
                            confirm="Leave organization"
                            pendingLabel="Leaving…"
                            action={leaveFromAccountAction.bind(null, org.slug)}
                            focusAfter="organizations-heading"
                          >
                            You lose access to {org.name} at once. To come back, someone will have to invite you again.
                          </ConfirmAction>
                        ) : org.kind === "personal" ? (
                          "Personal organization"
                        ) : (
                          <>
                            Owner —{" "}
                            <Link href={`/orgs/${org.slug}/settings/members#transfer-heading`} aria-label={`Transfer ownership of ${org.name} first`} className="underline underline-offset-2">
                              transfer ownership
                            </Link>{" "}
                            first
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {total > organizations.length && (
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              Showing {organizations.length} of {total} organizations. Type a name to find the others.
            </p>
          )}
        </section>

        <ApiTokensSection userId={user.id} createAction={createApiTokenAction} revokeAction={revokeApiTokenAction} />
      </div>
    </ConsoleShell>
  );
}
