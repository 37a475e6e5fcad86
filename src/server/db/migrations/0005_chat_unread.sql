CREATE TABLE "chat_unread" (
	"user_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"unread" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "chat_unread_user_id_appointment_id_pk" PRIMARY KEY("user_id","appointment_id")
);
--> statement-breakpoint
ALTER TABLE "chat_unread" ADD CONSTRAINT "chat_unread_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_unread" ADD CONSTRAINT "chat_unread_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The recipient of a message is the other side of its appointment. Each stored unread message
-- counts once for them; reading it (read_at set) takes it off. Same statement, same transaction.
CREATE FUNCTION "chat_unread_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.read_at IS NULL THEN
    INSERT INTO chat_unread (user_id, appointment_id, unread)
      SELECT CASE WHEN NEW.sender_id = a.patient_id THEN a.doctor_id ELSE a.patient_id END, NEW.appointment_id, 1
      FROM appointments a WHERE a.id = NEW.appointment_id
    ON CONFLICT (user_id, appointment_id) DO UPDATE SET unread = chat_unread.unread + 1;
  ELSIF TG_OP = 'UPDATE' AND OLD.read_at IS NULL AND NEW.read_at IS NOT NULL THEN
    UPDATE chat_unread u SET unread = u.unread - 1
      FROM appointments a
      WHERE a.id = NEW.appointment_id AND u.appointment_id = NEW.appointment_id
        AND u.user_id = CASE WHEN NEW.sender_id = a.patient_id THEN a.doctor_id ELSE a.patient_id END;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "chat_messages_unread" AFTER INSERT OR UPDATE OF "read_at" ON "chat_messages"
  FOR EACH ROW EXECUTE FUNCTION "chat_unread_count"();
--> statement-breakpoint
INSERT INTO "chat_unread" ("user_id", "appointment_id", "unread")
  SELECT CASE WHEN m.sender_id = a.patient_id THEN a.doctor_id ELSE a.patient_id END, m.appointment_id, count(*)::int
  FROM "chat_messages" m JOIN "appointments" a ON a.id = m.appointment_id
  WHERE m.read_at IS NULL
  GROUP BY 1, 2;
