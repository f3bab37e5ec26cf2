CREATE TABLE "cloud_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"provider" "cloud_provider" NOT NULL,
	"credentials_sealed" text NOT NULL,
	"secret_last4" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "cloud_accounts_id_org_provider_key" UNIQUE("id","org_id","provider"),
	CONSTRAINT "cloud_accounts_managed_provider" CHECK ("cloud_accounts"."provider" <> 'self_managed')
);
--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "cloud_account_id" uuid;--> statement-breakpoint
ALTER TABLE "cloud_accounts" ADD CONSTRAINT "cloud_accounts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cloud_accounts_org_name_key" ON "cloud_accounts" USING btree ("org_id",lower("name"));--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_cloud_account_fk" FOREIGN KEY ("cloud_account_id","org_id","provider") REFERENCES "public"."cloud_accounts"("id","org_id","provider") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clusters_cloud_account_idx" ON "clusters" USING btree ("cloud_account_id") WHERE "clusters"."cloud_account_id" is not null;