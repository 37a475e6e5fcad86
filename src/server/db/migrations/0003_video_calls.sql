CREATE TABLE "call_stats" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "call_stats_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"appointment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rtt_ms" real,
	"loss_pct" real,
	"jitter_ms" real,
	"bitrate_kbps" real,
	"fps" real,
	"width" integer,
	"height" integer,
	"reconnects" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointments" RENAME COLUMN "video_room_id" TO "video_call_room_id";--> statement-breakpoint
ALTER TABLE "appointments" RENAME COLUMN "call_started_at" TO "video_call_started_at";--> statement-breakpoint
ALTER TABLE "appointments" RENAME COLUMN "call_ended_at" TO "video_call_ended_at";--> statement-breakpoint
ALTER TABLE "appointments" RENAME COLUMN "call_duration_seconds" TO "call_duration";--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "video_call_admitted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "video_call_summary" jsonb;--> statement-breakpoint
ALTER TABLE "call_stats" ADD CONSTRAINT "call_stats_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_stats" ADD CONSTRAINT "call_stats_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_stats_appointment_idx" ON "call_stats" USING btree ("appointment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_video_call_room_unique" ON "appointments" USING btree ("video_call_room_id");