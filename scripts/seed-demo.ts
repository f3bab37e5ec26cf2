import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { demoUsers } from "@/lib/demo";
import { addMember, makeTeamOrg, makeUser } from "@/lib/factories";

/** Demo data for `npm run dev`: idempotent, so every start may run it. */
export async function seedDemo(db: Db): Promise<"seeded" | "already seeded"> {
  const [existing] = await db.select({ id: users.id }).from(users).where(sql`${users.email} = ${demoUsers[0].email}`);
  if (existing) return "already seeded";
  const people = [];
  // One at a time: PGlite is a single connection.
  for (const { email, name } of demoUsers) people.push(await makeUser(db, { email, name }));
  const [alice, bob, carol, dave] = people;
  const acme = await makeTeamOrg(db, alice, { name: "Acme Corp", slug: "acme", plan: "business" });
  await addMember(db, acme, bob, "admin");
  await addMember(db, acme, carol, "developer");
  await addMember(db, acme, dave, "viewer");
  const globex = await makeTeamOrg(db, bob, { name: "Globex", slug: "globex", plan: "professional" });
  await addMember(db, globex, alice, "developer");
  return "seeded";
}
