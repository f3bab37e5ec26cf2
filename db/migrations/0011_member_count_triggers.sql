-- organizations.member_count, kept by the database itself so that no code path can forget it.
-- Statement triggers with transition tables: a bulk insert of 10,000 memberships updates each
-- organization once, not once per row. A membership never moves between organizations (org_id is
-- part of its key), so role changes leave the count alone. A cascade from deleting the
-- organization finds no row left to update, which is what it should find.
CREATE FUNCTION memberships_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE organizations o SET member_count = o.member_count + added.n
    FROM (SELECT org_id, count(*)::int AS n FROM new_memberships GROUP BY org_id) AS added
   WHERE o.id = added.org_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION memberships_count_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE organizations o SET member_count = o.member_count - removed.n
    FROM (SELECT org_id, count(*)::int AS n FROM old_memberships GROUP BY org_id) AS removed
   WHERE o.id = removed.org_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER memberships_count_on_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS new_memberships FOR EACH STATEMENT EXECUTE FUNCTION memberships_count_added();--> statement-breakpoint
CREATE TRIGGER memberships_count_on_delete AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS old_memberships FOR EACH STATEMENT EXECUTE FUNCTION memberships_count_removed();--> statement-breakpoint
UPDATE organizations o SET member_count = (SELECT count(*) FROM memberships m WHERE m.org_id = o.id);
