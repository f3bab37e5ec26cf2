CREATE TABLE "mail_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mail_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"headers" jsonb,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_outbox_status" CHECK ("mail_outbox"."status" in ('queued', 'sending', 'sent', 'failed')),
	CONSTRAINT "mail_outbox_kind" CHECK ("mail_outbox"."kind" in ('infrastructure', 'maintenance', 'weekly_report', 'monthly_report'))
);
--> statement-breakpoint
CREATE TABLE "maintenance_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"message" text NOT NULL,
	"org_ids" uuid[],
	"cluster_ids" uuid[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintenance_notices_window" CHECK ("maintenance_notices"."starts_at" < "maintenance_notices"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "notice_unsubscribes" (
	"org_id" uuid NOT NULL,
	"email" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_unsubscribes_pkey" PRIMARY KEY("org_id","email","kind"),
	CONSTRAINT "notice_unsubscribes_lower" CHECK ("notice_unsubscribes"."email" = lower("notice_unsubscribes"."email")),
	CONSTRAINT "notice_unsubscribes_kind" CHECK ("notice_unsubscribes"."kind" in ('infrastructure', 'maintenance', 'weekly_report', 'monthly_report'))
);
--> statement-breakpoint
CREATE TABLE "usage_reports" (
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_reports_pkey" PRIMARY KEY("org_id","kind","period_start"),
	CONSTRAINT "usage_reports_kind" CHECK ("usage_reports"."kind" in ('weekly', 'monthly'))
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_unsubscribes" ADD CONSTRAINT "notice_unsubscribes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_dedupe_key" ON "mail_outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "mail_outbox_claimable_idx" ON "mail_outbox" USING btree ("status","run_after") WHERE "mail_outbox"."status" in ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "mail_outbox_org_idx" ON "mail_outbox" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "maintenance_notices_ends_at_idx" ON "maintenance_notices" USING btree ("ends_at");