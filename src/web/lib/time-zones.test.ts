import { describe, expect, it } from 'vitest';
import { TimeZone } from '../../contracts/common.js';
import { canonicalTimeZones, currentZoneName } from '../../contracts/time-zones.js';
import { describeZone, formatDateTimeIn, timeZoneOptions, zoneName } from './datetime.js';

describe('time zones: one spelling', () => {
  it('turns ICU’s legacy ids into the current IANA names', () => {
    expect(currentZoneName('Asia/Katmandu')).toBe('Asia/Kathmandu');
    expect(currentZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(currentZoneName('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(currentZoneName('Asia/Rangoon')).toBe('Asia/Yangon');
    expect(currentZoneName('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(currentZoneName('Etc/UTC')).toBe('UTC');
    // Current names, and zones the database merged rather than renamed, stay as they are.
    expect(currentZoneName('Asia/Kathmandu')).toBe('Asia/Kathmandu');
    expect(currentZoneName('Europe/Bratislava')).toBe('Europe/Bratislava');
  });

  it('offers every zone once, by its current name only', () => {
    const zones = canonicalTimeZones();
    expect(zones.length).toBeGreaterThan(300);
    expect(new Set(zones).size).toBe(zones.length);
    for (const legacy of ['Asia/Katmandu', 'Asia/Calcutta', 'Asia/Saigon', 'Asia/Rangoon', 'Europe/Kiev', 'America/Buenos_Aires']) {
      expect(zones).not.toContain(legacy);
    }
    for (const current of ['Asia/Kathmandu', 'Asia/Kolkata', 'Europe/Kyiv', 'America/Argentina/Buenos_Aires', 'UTC']) {
      expect(zones).toContain(current);
    }
    expect([...zones]).toEqual([...zones].sort((a, b) => a.localeCompare(b)));
    // A hospital saved with a legacy name still finds itself, spelled the current way.
    expect(timeZoneOptions('Asia/Katmandu')).toEqual(timeZoneOptions());
  });

  it('is what the server stores, whichever spelling or case it is given', () => {
    expect(TimeZone.parse('Asia/Katmandu')).toBe('Asia/Kathmandu');
    expect(TimeZone.parse('Asia/Kathmandu')).toBe('Asia/Kathmandu');
    expect(TimeZone.parse('asia/calcutta')).toBe('Asia/Kolkata');
    expect(TimeZone.parse('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(TimeZone.safeParse('Nowhere/Atlantis').success).toBe(false);
  });
});

describe('time zones: one format', () => {
  it('names a zone readably, with its IANA name where the zone is the subject', () => {
    expect(zoneName('Asia/Kathmandu')).toBe('Nepal Time');
    expect(zoneName('Asia/Katmandu')).toBe('Nepal Time');
    expect(describeZone('Asia/Katmandu')).toBe('Nepal Time (Asia/Kathmandu)');
    expect(describeZone('America/New_York')).toBe('Eastern Time (America/New_York)');
    // No "GMT+00:00" for UTC.
    expect(describeZone('UTC')).toBe('Coordinated Universal Time (UTC)');
  });

  it('writes times with the readable name, never an offset', () => {
    const text = formatDateTimeIn('2025-11-24T03:45:00.000Z', 'Asia/Katmandu');
    expect(text).toMatch(/Nov 24, 2025/);
    expect(text).toMatch(/9:30\sAM Nepal Time$/);
    expect(text).not.toMatch(/GMT/);
  });
});
