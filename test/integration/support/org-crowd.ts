import { expect } from "vitest";
import type { Db } from "@/db/client";
import type { User } from "@/db/schema";
import { addMember, makeTeamOrg, makeUser } from "@/lib/factories";
import { act, invitationsOf, tokenOf } from "./member-actions";

/**
 * An Enterprise team organization about to be deleted while others write: an owner, `admins` and
 * `developers`, and `guests` holding pending invitations (their link tokens by lower-case email).
 */
export async function orgWithCrowd(db: Db, counts: { admins: number; developers: number; guests: number }) {
  const owner = await makeUser(db, { name: "Olga Owner" });
  const org = await makeTeamOrg(db, owner, { plan: "enterprise" });
  const people = async (role: "admin" | "developer", count: number) => {
    const made: User[] = [];
    for (let i = 0; i < count; i++) {
      const user = await makeUser(db);
      await addMember(db, org, user, role);
      made.push(user);
    }
    return made;
  };
  const admins = await people("admin", counts.admins);
  const developers = await people("developer", counts.developers);
  const guests = await Promise.all(Array.from({ length: counts.guests }, () => makeUser(db)));
  expect(await act(db, "invite", admins[0], org, { emails: guests.map((g) => g.email).join(","), role: "developer" })).toMatchObject({ ok: true });
  const tokens = new Map((await invitationsOf(db, org.id)).map((invitation) => [invitation.email, tokenOf(invitation)]));
  return { org, owner, admins, developers, guests, tokens };
}
