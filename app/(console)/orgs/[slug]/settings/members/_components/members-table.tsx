import { formatDate } from "@/components/members/format";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { roleLabels } from "@/lib/authz/permissions";
import type { MemberView } from "@/lib/pages/members-page";
import { MemberMenu } from "./member-menu";

/**
 * Plain rows rendered on the server: data and one "…" menu each. The menu's props are the
 * member's id, name, email, role and what blocks the caller, nothing more, so a page of 50
 * rows stays light in HTML and in the RSC payload.
 */
export function MembersTable({ orgName, members }: { orgName: string; members: MemberView[] }) {
  return (
    <Table>
      <TableCaption>Members of {orgName}</TableCaption>
      <TableHead>
        <tr>
          <TableHeaderCell>Member</TableHeaderCell>
          <TableHeaderCell>Role</TableHeaderCell>
          <TableHeaderCell>Joined</TableHeaderCell>
          <TableHeaderCell>
            <span className="sr-only">Actions</span>
          </TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {members.map((member) => {
          const label = member.name ?? member.email;
          return (
            <TableRow key={member.userId} data-testid="member-row" className="max-md:relative">
              <TableCell className="min-w-0 max-md:pr-10">
                <div className="flex min-w-0 items-center gap-3">
                  <Avatar name={member.name} email={member.email} image={member.image} />
                  <div className="min-w-0">
                    <p className="font-medium break-words">
                      {label}
                      {member.isSelf && <span className="font-normal text-zinc-600 dark:text-zinc-400"> (you)</span>}
                    </p>
                    {member.name && <p className="text-zinc-600 break-all dark:text-zinc-400">{member.email}</p>}
                  </div>
                </div>
              </TableCell>
              <TableCell label="Role">
                <Badge tone={member.role === "owner" ? "info" : "neutral"}>{roleLabels[member.role]}</Badge>
              </TableCell>
              <TableCell label="Joined" className="whitespace-nowrap">
                <time dateTime={member.since.toISOString()}>{formatDate(member.since)}</time>
              </TableCell>
              <TableCell className="text-right max-md:absolute max-md:top-2 max-md:right-2 max-md:p-0">
                <MemberMenu member={{ id: member.userId, label, email: member.email, role: member.role, block: member.block }} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
