import { describe, expect, it } from 'vitest';
import { qualityOf } from './video.js';

describe('call quality', () => {
  const link = { rttMs: 40, lossPct: 0, fps: 24, bitrateKbps: 1500 };
  it('is good on a quick, clean link with smooth video', () => expect(qualityOf(link)).toBe('good'));
  it('is fair when the round trip, the loss or the frame rate slips', () => {
    expect(qualityOf({ ...link, rttMs: 200 })).toBe('fair');
    expect(qualityOf({ ...link, lossPct: 3 })).toBe('fair');
    expect(qualityOf({ ...link, fps: 12 })).toBe('fair');
  });
  it('is poor when the call would stutter', () => {
    expect(qualityOf({ ...link, rttMs: 600 })).toBe('poor');
    expect(qualityOf({ ...link, lossPct: 10 })).toBe('poor');
    expect(qualityOf({ ...link, fps: 5 })).toBe('poor');
  });
  it('does not hold a low frame rate against audio only', () => expect(qualityOf({ ...link, fps: null, bitrateKbps: 40 })).toBe('good'));
});
