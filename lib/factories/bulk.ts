import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { MemberRole, OrgPlan } from "@/db/schema/enums";

// Scale data for the benchmark: set-based INSERT … SELECT generate_series, so ten thousand users
// with their personal organizations take seconds instead of ten thousand round trips. The rows keep
// the shape the domain functions in ./index.ts give them (and the invariants of
// db/migrations/0001_invariants.sql): a personal organization is kind 'personal', on Free, tied to
// its user and owned by that user alone; every organization has exactly one owner at commit.

/** A batch of bulk users: user n (1…count) is `<prefix>-<n>@example.test`, personal org `<prefix>-<n>`. */
export type BulkUsers = { prefix: string; count: number };

/** A batch of bulk team organizations: org n (1…count) has slug `<prefix>-<n>`. */
export type BulkTeamOrgs = { prefix: string; count: number };

type NonOwnerRole = Exclude<MemberRole, "owner">;

const prefixPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function checkPrefix(prefix: string): void {
  // The prefix becomes slugs and email local parts; it must stay a valid slug with room for "-<n>".
  if (!prefixPattern.test(prefix) || prefix.length > 30) throw new Error(`bad bulk prefix "${prefix}"`);
}

/** Role of row n, cycling through `roles` (a SQL CASE, so it stays set-based). */
function cycledRole(roles: readonly NonOwnerRole[], n: SQL): SQL {
  if (roles.length === 0) throw new Error("at least one role is needed");
  const branches = roles.map((role, i) => sql`when ${sql.raw(String(i))} then ${role}::text`);
  return sql`(case (${n} % ${sql.raw(String(roles.length))}) ${sql.join(branches, sql` `)} end)::member_role`;
}

/** `count` users, each with a personal organization they own (and as their active organization). */
export async function insertBulkUsers(db: Db, batch: BulkUsers): Promise<BulkUsers> {
  checkPrefix(batch.prefix);
  const { prefix, count } = batch;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into users (email, name)
      select ${prefix}::text || '-' || n || '@example.test', 'Member ' || n || ' of ' || ${prefix}::text
      from generate_series(1, ${count}::int) as n`);
    await tx.execute(sql`
      insert into organizations (slug, name, kind, plan, personal_for_user_id)
      select ${prefix}::text || '-' || n, u.name, 'personal', 'free', u.id
      from generate_series(1, ${count}::int) as n
      join users u on lower(u.email) = ${prefix}::text || '-' || n || '@example.test'`);
    await tx.execute(sql`
      insert into memberships (org_id, user_id, role)
      select o.id, o.personal_for_user_id, 'owner'
      from generate_series(1, ${count}::int) as n
      join organizations o on o.slug = ${prefix}::text || '-' || n`);
    await tx.execute(sql`
      update users u set last_active_org_id = o.id
      from generate_series(1, ${count}::int) as n
      join organizations o on o.slug = ${prefix}::text || '-' || n
      where u.id = o.personal_for_user_id`);
  });
  return batch;
}

/** Adds every user of `members` to the organization, with roles cycling through `roles`. */
export async function addBulkMembers(
  db: Db,
  orgId: string,
  members: BulkUsers,
  roles: readonly NonOwnerRole[] = ["developer", "viewer", "developer", "admin"],
): Promise<void> {
  checkPrefix(members.prefix);
  await db.execute(sql`
    insert into memberships (org_id, user_id, role)
    select ${orgId}::uuid, u.id, ${cycledRole(roles, sql.raw("n"))}
    from generate_series(1, ${members.count}::int) as n
    join users u on lower(u.email) = ${members.prefix}::text || '-' || n || '@example.test'`);
}

/**
 * `count` team organizations: org n is owned by user n of `owners` (who needs at least `count`
 * users) and, when `member` is given, has that user too, with roles cycling through `member.roles`.
 */
export async function insertBulkTeamOrgs(
  db: Db,
  batch: BulkTeamOrgs & { owners: BulkUsers; plan?: OrgPlan; member?: { userId: string; roles: readonly NonOwnerRole[] } },
): Promise<BulkTeamOrgs> {
  checkPrefix(batch.prefix);
  checkPrefix(batch.owners.prefix);
  if (batch.owners.count < batch.count) throw new Error("every bulk team organization needs its own owner");
  const { prefix, count, owners, member } = batch;
  const plan = batch.plan ?? "professional";
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into organizations (slug, name, kind, plan)
      select ${prefix}::text || '-' || n, 'Team ' || n || ' of ' || ${prefix}::text, 'team', ${plan}::org_plan
      from generate_series(1, ${count}::int) as n`);
    await tx.execute(sql`
      insert into memberships (org_id, user_id, role)
      select o.id, u.id, 'owner'
      from generate_series(1, ${count}::int) as n
      join organizations o on o.slug = ${prefix}::text || '-' || n
      join users u on lower(u.email) = ${owners.prefix}::text || '-' || n || '@example.test'`);
    if (member) {
      await tx.execute(sql`
        insert into memberships (org_id, user_id, role)
        select o.id, ${member.userId}::uuid, ${cycledRole(member.roles, sql.raw("n"))}
        from generate_series(1, ${count}::int) as n
        join organizations o on o.slug = ${prefix}::text || '-' || n`);
    }
  });
  return { prefix, count };
}

/**
 * `count` audit events in the organization, one a minute going back from now, as the console
 * writes them: eight kinds of member, invitation and cluster events in turn, every 1,000th a
 * General Information update. `main` did most of them; `rare` did every 100th, so a filter on
 * either actor or on the rare action has something selective to find.
 */
export async function insertBulkAuditEvents(
  db: Db,
  orgId: string,
  actors: { main: { id: string; label: string }; rare: { id: string; label: string } },
  count: number,
): Promise<void> {
  await db.execute(sql`
    insert into audit_events (org_id, actor_id, actor_label, action, target_type, target_id, target_label, origin, before, after, created_at)
    select ${orgId}::uuid,
      case when n % 100 = 0 then ${actors.rare.id}::uuid else ${actors.main.id}::uuid end,
      case when n % 100 = 0 then ${actors.rare.label}::text else ${actors.main.label}::text end,
      kind.action, kind.target_type, null, kind.target_label || ' ' || n, 'ui', kind.before, kind.after,
      now() - make_interval(mins => n)
    from generate_series(1, ${count}::int) as n
    cross join lateral (
      select * from (values
        (0, 'member.role_change', 'member', 'Member', '{"role":"developer"}'::jsonb, '{"role":"admin"}'::jsonb),
        (1, 'invitation.create', 'invitation', 'invitee', null, '{"role":"viewer"}'::jsonb),
        (2, 'invitation.accept', 'invitation', 'invitee', null, '{"role":"developer"}'::jsonb),
        (3, 'cluster.stop', 'cluster', 'cluster', null, null),
        (4, 'cluster.start', 'cluster', 'cluster', null, null),
        (5, 'member.remove', 'member', 'Member', '{"role":"viewer"}'::jsonb, null),
        (6, 'invitation.revoke', 'invitation', 'invitee', '{"role":"viewer"}'::jsonb, null),
        (7, 'cluster.kubeconfig.download', 'cluster', 'cluster', null, null),
        (8, 'org.update', 'organization', 'Scale Corp', '{"description":""}'::jsonb, '{"description":"Updated"}'::jsonb)
      ) as k(kind, action, target_type, target_label, before, after)
      where k.kind = case when n % 1000 = 0 then 8 else n % 8 end
    ) as kind`);
}

/**
 * `count` pending invitations in the organization, invitation n to `<prefix>-<n>@example.test`,
 * sent by `invitedBy` n minutes ago (so still valid for about 7 days), roles cycling through
 * `roles`. Nonce and token hash are random bytes (the columns are required, the hash unique), so
 * no link leads to these invitations: they fill lists at scale, nobody accepts them.
 */
export async function insertBulkInvitations(
  db: Db,
  orgId: string,
  batch: { prefix: string; count: number; invitedBy: string; roles?: readonly NonOwnerRole[] },
): Promise<void> {
  checkPrefix(batch.prefix);
  const roles = batch.roles ?? ["developer", "viewer"];
  // 32 random bytes from two md5s of random(): pgcrypto's gen_random_bytes is not installed.
  await db.execute(sql`
    insert into invitations (org_id, email, role, token_nonce, token_hash, invited_by, expires_at, last_sent_at, created_at)
    select ${orgId}::uuid, ${batch.prefix}::text || '-' || n || '@example.test', ${cycledRole(roles, sql.raw("n"))},
      encode(r.bytes, 'base64'), encode(sha256(r.bytes), 'hex'), ${batch.invitedBy}::uuid,
      sent_at + interval '7 days', sent_at, sent_at
    from generate_series(1, ${batch.count}::int) as n,
      lateral (select now() - make_interval(mins => n) as sent_at) as t,
      lateral (select decode(md5(random()::text || n) || md5(clock_timestamp()::text || random()::text), 'hex') as bytes) as r`);
}

/**
 * `count` projects in the organization, project n named "Project <n> of <prefix>" with the key
 * `<prefix>-<n>`, created by `createdBy` n minutes ago. One statement.
 */
export async function insertBulkProjects(db: Db, orgId: string, batch: { prefix: string; count: number; createdBy: string }): Promise<void> {
  checkPrefix(batch.prefix);
  await db.execute(sql`
    insert into projects (org_id, name, key, created_by, created_at)
    select ${orgId}::uuid, 'Project ' || n || ' of ' || ${batch.prefix}::text, ${batch.prefix}::text || '-' || n, ${batch.createdBy}::uuid,
      now() - make_interval(mins => n)
    from generate_series(1, ${batch.count}::int) as n`);
}
