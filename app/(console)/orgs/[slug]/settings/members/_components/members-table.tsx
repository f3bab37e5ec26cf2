import { formatDate } from "@/lib/format";
import type { MemberView } from "@/lib/pages/members-page";
import { lightTableClass } from "./light-table";
import { type MemberRowData, MemberRows } from "./member-rows";

/**
 * The members table. The frame renders here, on the server; the rows render from compact data
 * (who, role, date, what blocks the caller), so the RSC payload holds that data once instead of
 * a second copy of every row's markup.
 */
export function MembersTable({ orgName, members }: { orgName: string; members: MemberView[] }) {
  const rows: MemberRowData[] = members.map((m) => ({
    id: m.userId,
    name: m.name,
    email: m.email,
    image: m.image,
    role: m.role,
    joined: formatDate(m.since),
    joinedAt: m.since.toISOString(),
    block: m.block,
  }));
  return (
    <table className={lightTableClass}>
      <caption className="sr-only">Members of {orgName}</caption>
      <thead>
        <tr>
          <th scope="col">Member</th>
          <th scope="col">Role</th>
          <th scope="col">Joined</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <MemberRows rows={rows} />
      </tbody>
    </table>
  );
}
