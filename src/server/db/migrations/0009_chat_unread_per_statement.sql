-- Unread counts of stored messages, once per statement instead of once per message (decision 26).
-- A turn's messages are stored by one insert; the per-row trigger upserted each recipient's count
-- as it went, so two inserts of the same moment locked the same counts in different orders and
-- deadlocked (PostgreSQL then fails one after a second). Now each insert adds up its messages per
-- recipient and appointment and upserts the counts in one order, by key: inserts queue, never
-- deadlock. Reading (read_at set) still takes each message off as it happens: one appointment a time.
DROP TRIGGER "chat_messages_unread" ON "chat_messages";
--> statement-breakpoint
-- Migration 0005's function, left with its reading half only.
CREATE OR REPLACE FUNCTION "chat_unread_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.read_at IS NULL AND NEW.read_at IS NOT NULL THEN
    UPDATE chat_unread u SET unread = u.unread - 1
      FROM appointments a
      WHERE a.id = NEW.appointment_id AND u.appointment_id = NEW.appointment_id
        AND u.user_id = CASE WHEN NEW.sender_id = a.patient_id THEN a.doctor_id ELSE a.patient_id END;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "chat_messages_read" AFTER UPDATE OF "read_at" ON "chat_messages"
  FOR EACH ROW EXECUTE FUNCTION "chat_unread_count"();
--> statement-breakpoint
CREATE FUNCTION "chat_unread_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chat_unread (user_id, appointment_id, unread)
    SELECT CASE WHEN m.sender_id = a.patient_id THEN a.doctor_id ELSE a.patient_id END, m.appointment_id, count(*)::int
    FROM added m JOIN appointments a ON a.id = m.appointment_id
    WHERE m.read_at IS NULL
    GROUP BY 1, 2
    ORDER BY 1, 2
  ON CONFLICT (user_id, appointment_id) DO UPDATE SET unread = chat_unread.unread + excluded.unread;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "chat_messages_unread_added" AFTER INSERT ON "chat_messages"
  REFERENCING NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "chat_unread_added"();
