import { formatDate, formatDateTime, relativeTime } from "@/lib/format";
import type { MemberView } from "@/lib/pages/members-page";
import { lightTableClass } from "./light-table";
import type { LastActive } from "./last-active-cell";
import { type MemberRowData, MemberRows } from "./member-rows";
import { SelectAllCheckbox } from "./member-selection";

const never: LastActive = { text: "Never", title: "Not seen since Org Console began recording activity", at: null };

function lastActiveOf(at: Date | null, now: Date): LastActive {
  return at ? { text: relativeTime(at, now), title: formatDateTime(at), at: at.toISOString() } : never;
}

/** The rows the caller may select for bulk removal (the server checks again). */
export function removableMembers(members: MemberView[]) {
  return members.filter((m) => !m.block).map((m) => ({ id: m.userId, label: m.name ?? m.email }));
}

/**
 * The members table. The frame renders here, on the server; the rows render from compact data
 * (who, role, date, what blocks the caller), so the RSC payload holds that data once instead of
 * a second copy of every row's markup.
 */
export function MembersTable({ orgName, members, selectable = false }: { orgName: string; members: MemberView[]; /** Bulk removal's checkboxes. */ selectable?: boolean }) {
  const now = new Date();
  const rows: MemberRowData[] = members.map((m) => ({
    id: m.userId,
    name: m.name,
    email: m.email,
    image: m.image,
    role: m.role,
    joined: formatDate(m.since),
    joinedAt: m.since.toISOString(),
    lastActive: lastActiveOf(m.lastActiveAt, now),
    block: m.block,
  }));
  const removable = removableMembers(members);
  return (
    <table className={lightTableClass}>
      <caption className="sr-only">Members of {orgName}</caption>
      <thead>
        <tr>
          {selectable && (
            <th scope="col" className="w-px">
              {/* On a phone the header is hidden: the bulk bar offers the same checkbox there. */}
              <SelectAllCheckbox members={removable} className="max-md:hidden" />
            </th>
          )}
          <th scope="col">Member</th>
          <th scope="col">Role</th>
          <th scope="col">Joined</th>
          <th scope="col">Last active</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <MemberRows rows={rows} selectable={selectable} />
      </tbody>
    </table>
  );
}
