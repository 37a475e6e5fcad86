import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from './use-debounced-value.js';

/**
 * A text filter kept in the URL (so Back and shared links keep it): `input` follows the
 * keyboard, `value` follows the URL once typing pauses. Changing it returns to the first page.
 */
function useUrlText(key: string, offsetKey: string) {
  const [params, setParams] = useSearchParams();
  const value = params.get(key) ?? '';
  const [input, setInput] = useState(value);
  const debounced = useDebouncedValue(input.trim());

  useEffect(() => {
    if (debounced === value) return;
    setParams(
      (p) => {
        if (debounced) p.set(key, debounced);
        else p.delete(key);
        p.delete(offsetKey);
        return p;
      },
      { replace: true },
    );
    // Only typing should write the URL; `value` changing by navigation is handled below.
  }, [debounced]);

  useEffect(() => {
    // Back/forward changed the URL: show that in the box.
    setInput((current) => (current.trim() === value ? current : value));
  }, [value]);

  return { input, setInput, value };
}

/**
 * Search, extra text filters and paging of one list, in the URL. `prefix` keeps two lists on
 * one page (a hospital's doctors and patients) apart.
 */
export function useListState(prefix = '') {
  const [params, setParams] = useSearchParams();
  const offsetKey = `${prefix}offset`;
  const search = useUrlText(`${prefix}q`, offsetKey);
  const offset = Math.max(0, Number(params.get(offsetKey)) || 0);
  const setOffset = useCallback(
    (next: number) =>
      setParams((p) => {
        if (next > 0) p.set(offsetKey, String(next));
        else p.delete(offsetKey);
        return p;
      }),
    [offsetKey, setParams],
  );
  return { search, offset, setOffset, offsetKey };
}

export { useUrlText };
