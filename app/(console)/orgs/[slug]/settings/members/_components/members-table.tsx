import { formatDate, relativeTime } from "@/lib/format";
import type { MemberView } from "@/lib/pages/members-page";
import { lightTableClass } from "./light-table";
import type { LastActive } from "./last-active-cell";
import { type MemberRowData, MemberRows } from "./member-rows";
import { SelectAllCheckbox } from "./member-selection";

// To the minute, and nothing for "never": a full page of rows carries this 50 times.
// (Written by the database's clock: a moment ahead of this server's still reads "just now".)
const lastActiveOf = (at: Date, now: Date): LastActive => [relativeTime(at > now ? now : at, now), `${at.toISOString().slice(0, 16)}Z`];

// The stacked (phone) layout names the "Last active" cell by its position, not on every row.
const lastActiveLabel = "max-md:[&>tbody>tr>td:nth-child(4)]:before:content-['Last_active']";

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
    block: m.block,
    // Left out when never seen: an undefined prop would still travel in the payload.
    ...(m.lastActiveAt && { lastActive: lastActiveOf(m.lastActiveAt, now) }),
  }));
  return (
    <table className={`${lightTableClass} ${lastActiveLabel}`}>
      <caption className="sr-only">Members of {orgName}</caption>
      <thead>
        <tr>
          <th scope="col">
            {/* On a phone the header is hidden: the bulk bar offers the same checkbox there. */}
            {selectable ? (
              <span className="flex items-center gap-3">
                <SelectAllCheckbox className="max-md:hidden" />
                Member
              </span>
            ) : (
              "Member"
            )}
          </th>
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
