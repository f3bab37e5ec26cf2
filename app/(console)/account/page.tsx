import type { Metadata } from "next";
import { ApiTokensSection } from "@/components/account/api-tokens-section";
import { OtherSessionsForm } from "@/components/account/other-sessions-form";
import { ConsoleShell } from "@/components/layout/console-shell";
import { AccountOrganizationRows } from "@/components/account/account-organization-rows";
import { LeaveOrganizationConfirmation } from "@/components/account/leave-organization-confirmation";
import { Avatar } from "@/components/ui/avatar";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchForm } from "@/components/ui/search-form";
import { Table, TableBody, TableCaption, TableHead, TableHeaderCell } from "@/components/ui/table";
import { accountOrganizations, otherSessionCount, requireSessionUser } from "@/lib/pages/org-page";
import { signOutAction, switchOrganization } from "../actions";
import { createApiTokenAction, leaveFromAccountAction, revokeApiTokenAction, signOutOtherSessionsAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requireSessionUser();
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? "";
  const [{ organizations, total }, otherSessions] = await Promise.all([accountOrganizations(user.id, query), otherSessionCount()]);
  return (
    <ConsoleShell user={user} current={null} switchOrganization={switchOrganization} signOut={signOutAction}>
      <div className="max-w-4xl min-w-0 space-y-10">
        <section aria-labelledby="account-heading" className="flex items-center gap-4">
          <Avatar name={user.name} email={user.email} image={null} />
          <div className="min-w-0">
            <h1 id="account-heading" className="text-2xl font-semibold break-words">{user.name ?? user.email}</h1>
            <p className="text-sm break-all text-zinc-700 dark:text-zinc-300">{user.email}</p>
          </div>
        </section>

        <section aria-labelledby="organizations-heading">
          <h2 id="organizations-heading" tabIndex={-1} className="text-lg font-semibold">Your organizations</h2>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">Every organization you belong to, with your role in it.</p>
          <div className="mt-4">
            <SearchForm action="/account" name="Your organizations" label="Find an organization" query={query} placeholder="Name or slug" />
          </div>
          {organizations.length === 0 ? (
            <div className="mt-4">
              <EmptyState title={query ? `No organization matches “${query}”.` : "You are not in any organization."} />
            </div>
          ) : (
            <LeaveOrganizationConfirmation action={leaveFromAccountAction} focusAfter="organizations-heading">
              <div className="mt-4 rounded-lg border border-zinc-200 bg-white max-md:border-0 max-md:bg-transparent dark:border-zinc-800 dark:bg-zinc-900 max-md:dark:bg-transparent">
                <Table>
                  <TableCaption>Your organizations</TableCaption>
                  <TableHead>
                    <tr>
                      <TableHeaderCell>Organization</TableHeaderCell>
                      <TableHeaderCell>Your role</TableHeaderCell>
                      <TableHeaderCell>
                        <span className="sr-only">Actions</span>
                      </TableHeaderCell>
                    </tr>
                  </TableHead>
                  <TableBody>
                    <AccountOrganizationRows rows={organizations.map(({ slug, name, kind, role }) => ({ slug, name, kind, role }))} />
                  </TableBody>
                </Table>
              </div>
            </LeaveOrganizationConfirmation>
          )}
          {total > organizations.length && (
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              Showing {organizations.length} of {total} organizations. Type a name to find the others.
            </p>
          )}
        </section>

        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="text-lg font-semibold">Sessions</h2>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            {otherSessions === 0
              ? "You are signed in only in this browser."
              : `You are also signed in in ${otherSessions} other ${otherSessions === 1 ? "browser" : "browsers"}. Signing them out ends those sessions at once, even for a copied cookie.`}
          </p>
          <OtherSessionsForm others={otherSessions} action={signOutOtherSessionsAction} />
        </section>

        <ApiTokensSection userId={user.id} createAction={createApiTokenAction} revokeAction={revokeApiTokenAction} />
      </div>
    </ConsoleShell>
  );
}
