import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './api-client.js';
import { waitText } from './wait-text.js';

describe('a wait, as people say it', () => {
  it('counts seconds, then minutes and seconds', () => {
    expect(waitText(40)).toBe('40 seconds');
    expect(waitText(1)).toBe('1 second');
    expect(waitText(0.2)).toBe('1 second');
    expect(waitText(60)).toBe('1 minute');
    expect(waitText(125)).toBe('2 minutes 5 seconds');
    expect(waitText(61)).toBe('1 minute 1 second');
  });

  it('reads a Retry-After header in seconds or as a date', () => {
    expect(parseRetryAfter('40')).toBe(40);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
