import { describe, expect, it } from 'vitest';
import { filterOptions } from './combobox-filter.js';

const zones = [
  { value: 'America/New_York', description: 'Eastern Time' },
  { value: 'Asia/Kathmandu', description: 'Nepal Time', keywords: 'Asia/Katmandu' },
  { value: 'Asia/Kolkata', description: 'India Standard Time', keywords: 'Asia/Calcutta' },
];

describe('searching a combobox’s options', () => {
  it('matches names, readable names and former names, whatever the case or separators', () => {
    expect(filterOptions(zones, 'new york').map((o) => o.value)).toEqual(['America/New_York']);
    expect(filterOptions(zones, 'NEPAL').map((o) => o.value)).toEqual(['Asia/Kathmandu']);
    expect(filterOptions(zones, 'calcutta').map((o) => o.value)).toEqual(['Asia/Kolkata']);
    expect(filterOptions(zones, 'asia/k').map((o) => o.value)).toEqual(['Asia/Kathmandu', 'Asia/Kolkata']);
  });

  it('needs every word typed, and lists everything for an empty query', () => {
    expect(filterOptions(zones, 'asia time india').map((o) => o.value)).toEqual(['Asia/Kolkata']);
    expect(filterOptions(zones, 'asia europe')).toEqual([]);
    expect(filterOptions(zones, '   ')).toHaveLength(3);
  });
});
