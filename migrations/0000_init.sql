CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"private" boolean DEFAULT false NOT NULL,
	"zone" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	"mitigated_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"roles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"components" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"members" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" text PRIMARY KEY NOT NULL,
	"last_incident_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timeline_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "timeline_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"incident_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"author" jsonb NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL,
	"external_ref" text,
	"supersedes" bigint
);
--> statement-breakpoint
CREATE TABLE "action_items" (
	"incident_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"owner" jsonb,
	"state" text DEFAULT 'open' NOT NULL,
	"due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "action_items_incident_id_number_pk" PRIMARY KEY("incident_id","number")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "conversations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"incident_id" uuid,
	"platform" text NOT NULL,
	"purpose" text NOT NULL,
	"external_id" text,
	"name" text,
	"link" text,
	"reference" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"conversation_id" bigint NOT NULL,
	"op" text NOT NULL,
	"message_key" text,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "posted_messages" (
	"conversation_id" bigint NOT NULL,
	"message_key" text NOT NULL,
	"external_ref" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posted_messages_conversation_id_message_key_pk" PRIMARY KEY("conversation_id","message_key")
);
--> statement-breakpoint
CREATE TABLE "processed_requests" (
	"key" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "timeline_entries" ADD CONSTRAINT "timeline_entries_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_entries" ADD CONSTRAINT "timeline_entries_supersedes_timeline_entries_id_fk" FOREIGN KEY ("supersedes") REFERENCES "public"."timeline_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_messages" ADD CONSTRAINT "posted_messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_workspace_number_key" ON "incidents" USING btree ("workspace","number");--> statement-breakpoint
CREATE INDEX "incidents_open_idx" ON "incidents" USING btree ("workspace","declared_at") WHERE "incidents"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "incidents_resolved_at_idx" ON "incidents" USING btree ("resolved_at");--> statement-breakpoint
CREATE INDEX "timeline_entries_incident_occurred_idx" ON "timeline_entries" USING btree ("incident_id","occurred_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "timeline_entries_external_ref_key" ON "timeline_entries" USING btree ("incident_id","kind","external_ref") WHERE "timeline_entries"."external_ref" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_platform_external_id_key" ON "conversations" USING btree ("platform","external_id") WHERE "conversations"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "conversations_incident_id_idx" ON "conversations" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_announcements_key" ON "conversations" USING btree ("platform","purpose") WHERE "conversations"."purpose" = 'announcements' and "conversations"."incident_id" is null;--> statement-breakpoint
CREATE INDEX "deliveries_head_idx" ON "deliveries" USING btree ("conversation_id","id") WHERE "deliveries"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("next_attempt_at") WHERE "deliveries"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "processed_requests_created_at_idx" ON "processed_requests" USING btree ("created_at");