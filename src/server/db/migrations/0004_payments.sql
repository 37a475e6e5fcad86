CREATE TYPE "public"."payment_provider" AS ENUM('khalti', 'desk');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('created', 'initiated', 'pending', 'completed', 'failed', 'refunded', 'partially_refunded', 'review');--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('pending', 'succeeded', 'at_desk');--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hospital_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"provider" "payment_provider" NOT NULL,
	"test" boolean DEFAULT false NOT NULL,
	"amount" integer NOT NULL,
	"status" "payment_status" NOT NULL,
	"problem" text,
	"grants" boolean DEFAULT false NOT NULL,
	"pidx" text,
	"payment_url" text,
	"expires_at" timestamp with time zone,
	"transaction_id" text,
	"reported_amount" integer,
	"paid_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	"next_check_at" timestamp with time zone,
	"last_error" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount" > 0),
	CONSTRAINT "payments_grants_completed" CHECK (not "payments"."grants" or "payments"."status" in ('completed', 'refunded', 'partially_refunded'))
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"hospital_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"status" "refund_status" NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone,
	"claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refunded_at" timestamp with time zone,
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "hospitals" ADD COLUMN "refund_full_until_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_hospital_id_hospitals_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."hospitals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_hospital_id_hospitals_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."hospitals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_pidx_unique" ON "payments" USING btree ("pidx");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_khalti_transaction_unique" ON "payments" USING btree ("transaction_id") WHERE "payments"."provider" = 'khalti';--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_confirmation" ON "payments" USING btree ("appointment_id") WHERE "payments"."grants";--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_open_order" ON "payments" USING btree ("appointment_id") WHERE "payments"."status" in ('created', 'initiated', 'pending');--> statement-breakpoint
CREATE INDEX "payments_hospital_created_idx" ON "payments" USING btree ("hospital_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_patient_idx" ON "payments" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_appointment_idx" ON "payments" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "payments_next_check_idx" ON "payments" USING btree ("next_check_at") WHERE "payments"."status" in ('created', 'initiated', 'pending');--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_one_per_payment" ON "refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "refunds_due_idx" ON "refunds" USING btree ("next_attempt_at") WHERE "refunds"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "hospitals" ADD CONSTRAINT "hospitals_refund_hours" CHECK ("hospitals"."refund_full_until_hours" between 0 and 720);