"use client";

import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import type { MemberRole } from "@/lib/authz/permissions";
import { roleLabels } from "@/lib/authz/role-labels";
import type { MemberBlock } from "@/lib/pages/members-page";
import { type LastActive, LastActiveTime } from "./last-active-cell";
import { MemberMenu } from "./member-menu";
import { SelectMemberCheckbox, useRegisterSelectable } from "./member-selection";

export type MemberRowData = {
  id: string;
  name: string | null;
  email: string;
  image: string | null;
  role: MemberRole;
  /** Formatted on the server (UTC), so hydration sees the same text. */
  joined: string;
  joinedAt: string;
  lastActive?: LastActive;
  block: MemberBlock;
};

/** Plain rows: who, role, when they joined, and one "…" menu. No form lives in a row. */
export function MemberRows({ rows, selectable = false }: { rows: MemberRowData[]; /** Bulk removal: a checkbox on each row the caller may remove. */ selectable?: boolean }) {
  useRegisterSelectable(selectable ? rows.filter((row) => !row.block).map((row) => ({ id: row.id, label: row.name ?? row.email })) : null);
  return rows.map((member) => {
    const label = member.name ?? member.email;
    return (
      <tr key={member.id} data-testid="member-row">
        <td>
          <div className="flex min-w-0 items-center gap-3">
            {selectable && !member.block && <SelectMemberCheckbox member={{ id: member.id, label }} />}
            <Avatar name={member.name} email={member.email} image={member.image} />
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
          <LastActiveTime value={member.lastActive} />
        </td>
        <td data-actions="">
          <MemberMenu member={{ id: member.id, label, email: member.email, role: member.role, block: member.block }} />
        </td>
      </tr>
    );
  });
}
