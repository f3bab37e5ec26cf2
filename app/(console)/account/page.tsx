import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokensSection } from "@/components/account/api-tokens-section";
import { OtherSessionsForm } from "@/components/account/other-sessions-form";
import { ConsoleShell } from "@/components/layout/console-shell";
import { RowConfirmButton, RowConfirmations } from "@/components/account/confirm-row";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchForm } from "@/components/ui/search-form";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { roleLabels } from "@/lib/authz/permissions";
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
            <RowConfirmations>
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
                    {organizations.map((org) => (
                      <TableRow key={org.slug} data-testid="account-organization">
                        <TableCell>
                          <span className="flex min-w-0 flex-wrap items-center gap-2">
                            <Link href={`/orgs/${org.slug}`} className="font-medium break-words text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
                              {org.name}
                            </Link>
                            {org.kind === "personal" && <Badge tone="warning">Personal</Badge>}
                          </span>
                        </TableCell>
                        <TableCell label="Your role">{roleLabels[org.role]}</TableCell>
                        <TableCell className="text-zinc-600 md:text-right dark:text-zinc-400">
                          {org.role !== "owner" ? (
                            <RowConfirmButton
                              label="Leave"
                              accessibleName={`Leave ${org.name}`}
                              confirmation={{
                                title: `Leave ${org.name}?`,
                                description: `You lose access to ${org.name} at once. To come back, someone will have to invite you again.`,
                                confirmLabel: "Leave organization",
                                pendingLabel: "Leaving…",
                                action: leaveFromAccountAction.bind(null, org.slug),
                                focusAfter: "organizations-heading",
                              }}
                            />
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
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </RowConfirmations>
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
