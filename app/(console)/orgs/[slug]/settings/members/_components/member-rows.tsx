"use client";

import { Avatar, colourFor, initialsOf } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { type MemberRole, roleLabels } from "@/lib/authz/permissions";
import type { MemberBlock } from "@/lib/pages/members-page";
import { MemberMenu } from "./member-menu";

export type MemberRowData = {
  id: string;
  name: string | null;
  email: string;
  image: string | null;
  role: MemberRole;
  /** Formatted on the server (UTC), so hydration sees the same text. */
  joined: string;
  joinedAt: string;
  block: MemberBlock;
};

/** Plain rows: who, role, when they joined, and one "…" menu. No form lives in a row. */
export function MemberRows({ rows }: { rows: MemberRowData[] }) {
  return rows.map((member) => {
    const label = member.name ?? member.email;
    return (
      <tr key={member.id} data-testid="member-row">
        <td>
          <div className="flex min-w-0 items-center gap-3">
            {member.image ? (
              <Avatar name={member.name} email={member.email} image={member.image} />
            ) : (
              // The kit's Avatar, minus its base classes (set once by the table): initials on a colour.
              <span aria-hidden data-avatar="" className={colourFor(member.email)}>
                {initialsOf(member.name, member.email)}
              </span>
            )}
            <div className="min-w-0 break-words">
              <p className="font-medium">
                {label}
                {member.block === "self" && <span className="font-normal text-zinc-600 dark:text-zinc-400"> (you)</span>}
              </p>
              {member.name && <p data-email="">{member.email}</p>}
            </div>
          </div>
        </td>
        <td data-label="Role">{member.role === "owner" ? <Badge tone="info">Owner</Badge> : roleLabels[member.role]}</td>
        <td data-label="Joined">
          <time dateTime={member.joinedAt}>{member.joined}</time>
        </td>
        <td>
          <MemberMenu member={{ id: member.id, label, email: member.email, role: member.role, block: member.block }} />
        </td>
      </tr>
    );
  });
}
