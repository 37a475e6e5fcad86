export interface ComboboxOption {
  value: string;
  /** A second line, also searched ("Nepal Time"). */
  description?: string;
  /** Searched but not shown (former names). */
  keywords?: string;
}

/** Lower case, underscores and slashes as spaces, so "new york" finds America/New_York. */
const normalise = (s: string) => s.toLowerCase().replace(/[_/]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Options whose value or description contains every word typed, in order of the list. */
export function filterOptions(options: readonly ComboboxOption[], query: string): ComboboxOption[] {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((o) => {
    const text = normalise(`${o.value} ${o.description ?? ''} ${o.keywords ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}
