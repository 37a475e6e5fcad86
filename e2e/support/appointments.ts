import { expect } from '@playwright/test';
import type { Api } from './api.js';

export interface Slot {
  startsAt: string;
  endsAt: string;
}

/** Every day 08:00–20:00 in 30-minute slots, so a spec finds free times whatever day it runs. */
export async function openEveryDay(api: Api, doctorId: string) {
  const windows = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, start: '08:00', end: '20:00' }));
  const res = await api.ctx.put(`/api/doctors/${doctorId}/availability`, { data: { slotMinutes: 30, windows, exceptions: [] } });
  expect(res.status(), `PUT availability: ${await res.text()}`).toBe(200);
}

/** A doctor's free slots over the next fortnight. */
export async function freeSlots(api: Api, doctorId: string): Promise<Slot[]> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const list = await api.send<{ items: Slot[] }>('get', `/api/doctors/${doctorId}/slots?from=${day(0)}&to=${day(14)}`);
  return list.items;
}

/** The patient (signed in as `api`) asks for `slot`; returns the appointment's id. */
export async function requestSlot(api: Api, doctorId: string, slot: Slot, symptoms = 'Fever and a sore throat.') {
  const a = await api.send<{ id: string }>('post', '/api/appointments', { doctorId, startsAt: slot.startsAt, symptoms }, 201);
  return a.id;
}
