// The bench's data set, written with set-based SQL (generate_series): hospitals, their admins,
// doctors with weekly hours, patients, a year of appointments, chat histories, notifications,
// and signed-in sessions whose cookies the bench holds. Ids are derived from indexes, so the
// bench can name any person without asking the database.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client.js';

export interface Size {
  name: 'small' | 'default';
  hospitals: number;
  doctors: number;
  patients: number;
  appointments: number;
  messages: number;
}

export const SIZES: Record<Size['name'], Size> = {
  small: { name: 'small', hospitals: 1, doctors: 20, patients: 500, appointments: 5_000, messages: 20_000 },
  default: { name: 'default', hospitals: 5, doctors: 200, patients: 20_000, appointments: 100_000, messages: 500_000 },
};

export const PASSWORD = 'bench-password-7Qk';
const MESSAGES_PER_CHAT = 10;
/**
 * Appointments span 60 days back and 20 ahead (at the default size a doctor sees about six
 * patients a day, between 09:00 and 17:00 Kathmandu time).
 */
export const DAYS_BACK = 60;
const DAYS_AHEAD = 20;
/** Sessions for this many patients at most (the idle-socket scenario holds 10,000 sockets). */
const PATIENT_SESSIONS = 10_000;

/**
 * Person `n` of a kind (1 hospitals, 2 admins, 3 doctors, 4 patients, 5 the super admin) has the id
 * md5('kind:n') made a version 4 UUID, in JavaScript and in SQL alike: spread over the whole range as the app's random
 * ids are. Ids that sorted by role (every doctor's below every patient's) misled PostgreSQL's
 * planner into a merge join that read every user for a patient's list (0.8 ms instead of 0.05).
 */
const uuid = (kind: number, n: number) => {
  const h = createHash('md5').update(`${kind}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
};
const uuidSql = (kind: number, n: string) => `overlay(overlay(md5('${kind}:' || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;
export const ids = {
  hospital: (h: number) => uuid(1, h),
  admin: (h: number) => uuid(2, h),
  doctor: (d: number) => uuid(3, d),
  patient: (p: number) => uuid(4, p),
  superAdmin: uuid(5, 1),
};
/** Hospitals of people, 1-based like their indexes: doctors and patients are dealt round the hospitals. */
export const hospitalOf = (n: number, size: Size) => ((n - 1) % size.hospitals) + 1;
export const patientEmail = (p: number) => `patient${p}@bench.test`;

export interface Seeded {
  size: Size;
  /** Session tokens by user id: the cookie value a signed-in browser would hold. */
  tokens: Map<string, string>;
  /** UTC midnight of the seeding day: appointment times are laid out from it. */
  today: Date;
  counts: Record<string, number>;
  /** Open chats (future confirmed visits) of signed-in patients, one per patient. */
  chats: { appointmentId: string; patientId: string; doctorId: string }[];
  /** Where seeding spent its time, per table. */
  stepMs: Record<string, number>;
}

const FIRST = ['Aarav', 'Sita', 'Ram', 'Gita', 'Hari', 'Maya', 'Bikash', 'Anita', 'Sunil', 'Pooja', 'Rajesh', 'Sarita', 'Dipak', 'Kamala', 'Nabin', 'Laxmi'];
const LAST = ['Shrestha', 'Thapa', 'Gurung', 'Tamang', 'Rai', 'Magar', 'Karki', 'Adhikari', 'Sharma', 'Poudel', 'Bhattarai', 'Limbu', 'Maharjan', 'Joshi'];
const SPECIALTIES = ['General medicine', 'Cardiology', 'Dermatology', 'Paediatrics', 'Orthopaedics', 'Neurology', 'Gynaecology', 'Psychiatry'];
const arr = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;

/** Fills a freshly migrated database; returns what the bench needs to act as its people. */
export async function seed(database: Database, size: Size, secret: string): Promise<Seeded> {
  const steps: Record<string, number> = {};
  const run = async (q: string) => {
    const t = performance.now();
    const res = await database.db.execute(sql.raw(q));
    const what = /^\s*(?:insert into|select .* from) (\w+)/i.exec(q)?.[1] ?? q.trim().split(/\s/)[0]!;
    steps[what] = Math.round((steps[what] ?? 0) + performance.now() - t);
    return res;
  };
  const { hospitals: H, doctors: D, patients: P, appointments: A, messages: M } = size;
  const perDoctor = Math.floor(A / D);
  const perHospitalPatients = Math.floor(P / H);
  const perHospitalDoctors = Math.floor(D / H);
  const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
  const passwordHash = (await hash(PASSWORD)).replaceAll("'", "''");
  const span = DAYS_BACK + DAYS_AHEAD;
  const at = `'${today.toISOString()}'::timestamptz`;

  await run(`insert into hospitals (id, name, address, phone, email, timezone, appointment_fee)
    select ${uuidSql(1, 'h')}, 'Bench Hospital ' || h, 'Ward ' || h || ', Kathmandu',
      '+977-1-5550' || lpad(h::text, 3, '0'), 'hospital' || h || '@bench.test', 'Asia/Kathmandu', 0
    from generate_series(1, ${H}) h`);
  const person = (kind: number, n: string, email: string, role: string, hospital: string) => `
    select ${uuidSql(kind, n)}, ${email}, '${passwordHash}', '${role}'::role, ${hospital},
      (${arr(FIRST)})[1 + ${n} % ${FIRST.length}], (${arr(LAST)})[1 + (${n} / ${FIRST.length}) % ${LAST.length}], '98' || lpad(${n}::text, 8, '0')`;
  const hospitalExpr = (n: string) => uuidSql(1, `(${n} - 1) % ${H} + 1`);
  await run(`insert into users (id, email, password_hash, role, hospital_id, first_name, last_name, phone)
    select '${ids.superAdmin}'::uuid, 'root@bench.test', '${passwordHash}', 'super_admin'::role, null, 'Platform', 'Administrator', null
    union all ${person(2, 'h', `'admin' || h || '@bench.test'`, 'hospital_admin', hospitalExpr('h'))} from generate_series(1, ${H}) h
    union all ${person(3, 'd', `'doctor' || d || '@bench.test'`, 'doctor', hospitalExpr('d'))} from generate_series(1, ${D}) d
    union all ${person(4, 'p', `'patient' || p || '@bench.test'`, 'patient', hospitalExpr('p'))} from generate_series(1, ${P}) p`);
  await run(`insert into doctor_profiles (user_id, hospital_id, license_number, specialization, experience_years, bio)
    select ${uuidSql(3, 'd')}, ${hospitalExpr('d')}, 'NMC-' || d,
      (${arr(SPECIALTIES)})[1 + d % ${SPECIALTIES.length}], d % 30, 'Sees patients on weekdays.'
    from generate_series(1, ${D}) d`);
  await run(`insert into patient_profiles (user_id, hospital_id, medical_history, allergies, blood_type, date_of_birth)
    select ${uuidSql(4, 'p')}, ${hospitalExpr('p')}, 'Seasonal asthma.', case when p % 7 = 0 then 'Penicillin' else '' end,
      (array['A+','A-','B+','B-','AB+','AB-','O+','O-'])[1 + p % 8]::blood_type, date '1960-01-01' + (p % 15000)
    from generate_series(1, ${P}) p`);
  await run(`insert into availability_windows (doctor_id, day_of_week, start_time, end_time)
    select ${uuidSql(3, 'd')}, dow, '09:00', '17:00'
    from generate_series(1, ${D}) d, generate_series(1, 5) dow`);

  // Appointment i of doctor d: day ⌊i·span/perDoctor⌋ of the span, at 09:00 + (i mod 16) half hours
  // (Kathmandu is UTC+05:45). Its patient, of the doctor's hospital, is chosen so that no two
  // appointments at one time share a patient: the exclusion constraints hold.
  await run(`insert into appointments (hospital_id, patient_id, doctor_id, status, starts_at, ends_at, symptoms, fee, video_call_status, created_at)
    select ${hospitalExpr('d')},
      ${uuidSql(4, `((i * ${perHospitalDoctors} + (d - 1) / ${H}) % ${perHospitalPatients}) * ${H} + (d - 1) % ${H} + 1`)},
      ${uuidSql(3, 'd')},
      (case when t.starts < now() then (case when i % 10 = 9 then 'cancelled' else 'completed' end) when i % 5 = 0 then 'requested' else 'confirmed' end)::appointment_status,
      t.starts, t.starts + interval '30 minutes', 'Fever and a cough for three days', 0,
      (case when t.starts < now() and i % 10 <> 9 then 'ended' else 'not_started' end)::video_call_status,
      t.starts - interval '7 days'
    from generate_series(1, ${D}) d, generate_series(0, ${perDoctor - 1}) i,
      lateral (select ${at} - interval '${DAYS_BACK} days' + ((i * ${span}) / ${perDoctor}) * interval '1 day' + interval '3 hours 15 minutes' + (i % 16) * interval '30 minutes' as starts) t`);
  // Ten messages in each of the first M/10 appointments; what is in the past has been read. The
  // unread counts are made once afterwards, as migration 0005 makes them, not row by row.
  await run('alter table chat_messages disable trigger chat_messages_unread_added');
  await run(`insert into chat_messages (appointment_id, sender_id, body, delivered_at, read_at, created_at)
    select a.id, case when n % 2 = 1 then a.patient_id else a.doctor_id end,
      'Message ' || n || ': how are the symptoms today? Please keep taking the medicine.',
      a.starts_at - interval '2 days' + n * interval '1 minute',
      case when a.starts_at < now() or n < ${MESSAGES_PER_CHAT - 1} then a.starts_at - interval '2 days' + n * interval '1 minute' end,
      a.starts_at - interval '2 days' + n * interval '1 minute'
    from (select id, patient_id, doctor_id, starts_at from appointments order by starts_at, id limit ${Math.ceil(M / MESSAGES_PER_CHAT)}) a,
      generate_series(1, ${MESSAGES_PER_CHAT}) n
    order by a.starts_at, a.id, n`);
  await run('alter table chat_messages enable trigger chat_messages_unread_added');
  await run(`insert into chat_unread (user_id, appointment_id, unread)
    select case when m.sender_id = a.patient_id then a.doctor_id else a.patient_id end, m.appointment_id, count(*)::int
    from chat_messages m join appointments a on a.id = m.appointment_id where m.read_at is null group by 1, 2`);
  await run(`insert into notifications (recipient_id, type, title, message, appointment_id, read_at, created_at)
    select patient_id, 'appointment.approve', 'Appointment confirmed', 'Your visit was confirmed by the doctor.', id,
      case when starts_at < now() then starts_at end, created_at
    from appointments`);

  // Signed-in people: every admin and doctor, and the first patients; the cookie holds a token
  // whose HMAC is the session id (sessions.ts), so the bench mints them like sign-in does.
  const tokens = new Map<string, string>();
  const people = [ids.superAdmin, ...range(H).map(ids.admin), ...range(D).map(ids.doctor), ...range(Math.min(P, PATIENT_SESSIONS)).map(ids.patient)];
  for (let i = 0; i < people.length; i += 1000) {
    const rows = people.slice(i, i + 1000).map((userId) => {
      const token = randomBytes(32).toString('base64url');
      tokens.set(userId, token);
      const id = createHmac('sha256', secret).update(token).digest('base64url');
      return `('${id}', '${userId}'::uuid, now(), now() + interval '12 hours', '127.0.0.1', 'bench')`;
    });
    await run(`insert into sessions (id, user_id, last_seen_at, expires_at, ip, user_agent) values ${rows.join(',')}`);
  }
  // As a running database is: autovacuum (or, on PGlite, the server's own upkeep) has set the
  // visibility map, merged the search index's pending entries and gathered statistics. Measured
  // straight after a bulk load, the planner passed over the people search's trigram index (its
  // pending list unmerged) and read every patient of the hospital: 3.6 ms against 1.0 ms.
  await run('vacuum analyze');
  const chats = (await run(`select appointment_id as "appointmentId", patient_id as "patientId", doctor_id as "doctorId" from (
      select distinct on (a.patient_id) a.id as appointment_id, a.patient_id, a.doctor_id, a.starts_at from appointments a
      join sessions s on s.user_id = a.patient_id
      where a.status = 'confirmed' and a.starts_at > now() order by a.patient_id, a.starts_at) c
    order by starts_at limit 1000`)) as unknown as { rows: Seeded['chats'] };
  const counts: Record<string, number> = {};
  for (const table of ['users', 'appointments', 'chat_messages', 'notifications', 'sessions']) {
    const res = (await run(`select count(*)::int as n from ${table}`)) as unknown as { rows: { n: number }[] };
    counts[table] = res.rows[0]!.n;
  }
  return { size, tokens, today, counts, chats: chats.rows, stepMs: steps };
}

/** 1..n */
export const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
