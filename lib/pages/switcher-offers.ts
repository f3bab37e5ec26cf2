import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { MemberRole } from "@/db/schema/values";
import { type JoinableOrganization, joinableOrganizationsQuery } from "@/lib/domains/queries";
import { invitationsForEmailQuery } from "@/lib/invitations/respond";

export type OfferedInvitation = { id: string; orgName: string; role: MemberRole; tokenNonce: string };

type Offers = { invitations: OfferedInvitation[]; joinable: JoinableOrganization[] };

// A json column arrives parsed from postgres.js and as text from some drivers.
const parsed = <T>(value: unknown): T[] => (typeof value === "string" ? JSON.parse(value) : ((value ?? []) as T[]));

/**
 * What the switcher offers the signed-in user besides their organizations, in one statement: the
 * pending invitations addressed to their email (newest first) and the organizations a verified
 * domain of their email lets them join (by name). Each list is the same statement as on its own
 * (invitationsForEmailQuery, joinableOrganizationsQuery), nested and gathered as JSON: the
 * switcher's answer takes three statements, not four.
 */
export async function switcherOffers(db: Queryable, user: { id: string; email: string }): Promise<Offers> {
  const invitations = invitationsForEmailQuery(db, user.email).as("invitations");
  const joinableQuery = joinableOrganizationsQuery(db, user);
  const joinable = joinableQuery?.as("joinable");
  const [row] = await rowsOf<{ invitations: unknown; joinable: unknown }>(
    db,
    sql`select
      (select coalesce(json_agg(json_build_object('id', ${invitations.id}, 'orgName', ${invitations.orgName}, 'role', ${invitations.role}, 'tokenNonce', ${invitations.tokenNonce})
                                order by ${invitations.createdAt} desc), '[]'::json)
         from ${invitations}) as invitations,
      ${
        joinable
          ? sql`(select coalesce(json_agg(json_build_object('orgId', ${joinable.orgId}, 'orgName', ${joinable.orgName}, 'policy', ${joinable.policy}, 'role', ${joinable.role}, 'requested', ${joinable.requested})
                                          order by ${joinable.orgName}), '[]'::json)
                   from ${joinable})`
          : sql`'[]'::json`
      } as joinable`,
  );
  return { invitations: parsed<OfferedInvitation>(row?.invitations), joinable: parsed<JoinableOrganization>(row?.joinable) };
}
