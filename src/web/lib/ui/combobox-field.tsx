import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { filterOptions, type ComboboxOption } from './combobox-filter.js';
import { controlClass, FieldError } from './field.js';
import { cx } from './cx.js';

/**
 * A searchable list to choose one value from (WAI-ARIA combobox, by downshift): typing filters,
 * arrow keys move, Enter chooses, Escape closes. Only a listed value can be chosen; leaving the
 * field with something else typed puts the chosen value back.
 */
export function ComboboxField({
  label,
  hint,
  error,
  required,
  name,
  options,
  value,
  onChange,
  noun = 'options',
  fieldClassName,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  name?: string;
  options: readonly ComboboxOption[];
  value: string;
  onChange: (value: string) => void;
  /** What the options are, for the count read out as the list narrows ("time zones"). */
  noun?: string;
  fieldClassName?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const selected = useMemo(() => options.find((o) => o.value === value) ?? null, [options, value]);
  const [query, setQuery] = useState<string | null>(null);
  const items = useMemo(() => (query === null ? [...options] : filterOptions(options, query)), [options, query]);

  const stateReducer = (state: UseComboboxState<ComboboxOption>, { type, changes }: UseComboboxStateChangeOptions<ComboboxOption>) => {
    // Leaving without choosing: the field shows the chosen value again, never a half-typed one.
    if (type === useCombobox.stateChangeTypes.InputBlur) {
      return { ...changes, inputValue: (changes.selectedItem ?? state.selectedItem)?.value ?? '' };
    }
    return changes;
  };

  const combobox = useCombobox<ComboboxOption>({
    items,
    selectedItem: selected,
    itemToString: (o) => o?.value ?? '',
    itemToKey: (o) => o?.value,
    inputId: id,
    labelId: `${id}-label`,
    menuId: `${id}-menu`,
    toggleButtonId: `${id}-toggle`,
    stateReducer,
    onInputValueChange: ({ inputValue, type }) => {
      // Typing filters; choosing or leaving shows the whole list next time.
      setQuery(type === useCombobox.stateChangeTypes.InputChange ? inputValue : null);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onChange(selectedItem.value);
    },
    onIsOpenChange: ({ isOpen }) => {
      if (!isOpen) setQuery(null);
    },
  });
  const { isOpen, highlightedIndex } = combobox;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className={cx('space-y-1.5', fieldClassName)}>
      <label {...combobox.getLabelProps()} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <div className="relative">
        <input
          {...combobox.getInputProps({
            name,
            'aria-describedby': describedBy || undefined,
            'aria-invalid': error ? true : undefined,
            'aria-required': required ? true : undefined,
            autoComplete: 'off',
            spellCheck: false,
          })}
          className={cx(controlClass, 'pr-11')}
        />
        <button
          type="button"
          {...combobox.getToggleButtonProps({ 'aria-label': isOpen ? 'Close the list' : 'Show the list' })}
          className="absolute inset-y-0 right-0 flex w-11 items-center justify-center rounded-r-md text-slate-700 hover:bg-slate-100"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className={cx('size-5 transition-transform', isOpen && 'rotate-180')} fill="currentColor">
            <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06z" />
          </svg>
        </button>
        <ul
          // Labelled only while open: closed, it is hidden and the label belongs to the field alone.
          {...combobox.getMenuProps({ 'aria-labelledby': isOpen ? `${id}-label` : undefined })}
          className={cx(
            'absolute z-30 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg',
            (!isOpen || items.length === 0) && 'hidden',
          )}
        >
          {isOpen &&
            items.map((item, index) => (
              <li
                key={item.value}
                {...combobox.getItemProps({ item, index })}
                className={cx(
                  'cursor-pointer px-3 py-2 text-sm',
                  highlightedIndex === index ? 'bg-brand-700 text-white' : 'text-slate-900',
                  selected?.value === item.value && 'font-semibold',
                )}
              >
                <span className="block break-words">{item.value}</span>
                {item.description && (
                  <span className={cx('block text-xs', highlightedIndex === index ? 'text-white' : 'text-slate-700')}>{item.description}</span>
                )}
              </li>
            ))}
        </ul>
        {isOpen && items.length === 0 && (
          <p className="absolute z-30 mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 shadow-lg">
            No {noun} match “{query}”.
          </p>
        )}
      </div>
      <p role="status" className="sr-only">
        {isOpen ? `${items.length} ${items.length === 1 ? noun.replace(/s$/, '') : noun} ${query ? 'match' : 'to choose from'}` : ''}
      </p>
      {error && <FieldError id={errorId}>{error}</FieldError>}
    </div>
  );
}
