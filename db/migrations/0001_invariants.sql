-- Invariants that a schema declaration cannot express (DESIGN.md §5). Written by hand in a
-- drizzle-kit custom migration so they travel with the generated ones.

-- Every organization has exactly one owner. "At most one" is the partial unique index
-- memberships_one_owner_per_org, checked per statement, so a transfer demotes the old owner before
-- promoting the new one; "at least one" is checked at commit, which allows that moment in between
-- inside the transaction. A deleted organization needs no owner.
CREATE FUNCTION org_requires_owner() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  checked_org uuid;
BEGIN
  -- Record fields are resolved per table, so each branch names only its own table's column.
  IF TG_TABLE_NAME = 'organizations' THEN checked_org := NEW.id; ELSE checked_org := OLD.org_id; END IF;
  IF EXISTS (SELECT 1 FROM organizations WHERE id = checked_org)
     AND NOT EXISTS (SELECT 1 FROM memberships WHERE org_id = checked_org AND role = 'owner') THEN
    RAISE EXCEPTION 'organization % must have exactly one owner', checked_org
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER organizations_have_owner AFTER INSERT ON organizations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION org_requires_owner();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER memberships_keep_owner AFTER UPDATE OR DELETE ON memberships
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION org_requires_owner();--> statement-breakpoint

-- A personal organization never gains members: its only membership is its user's, as owner.
CREATE FUNCTION personal_org_owner_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM organizations o WHERE o.id = NEW.org_id AND o.kind = 'personal'
             AND (o.personal_for_user_id <> NEW.user_id OR NEW.role <> 'owner')) THEN
    RAISE EXCEPTION 'a personal organization cannot have members'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER memberships_personal_owner_only BEFORE INSERT OR UPDATE ON memberships
  FOR EACH ROW EXECUTE FUNCTION personal_org_owner_only();--> statement-breakpoint

-- Audit events are append-only. The only update allowed is the foreign key nulling the actor of a
-- deleted user; the only delete allowed is the cascade from deleting the organization itself.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.actor_id IS NULL AND OLD.actor_id IS NOT NULL
       AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM organizations WHERE id = OLD.org_id) THEN
    RAISE EXCEPTION 'audit events are removed only with their organization'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END $$;--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
