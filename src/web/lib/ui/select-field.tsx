import type { SelectHTMLAttributes } from 'react';
import { Field, controlClass, splitFieldProps, type FieldOwnProps } from './field.js';
import { cx } from './cx.js';

export interface SelectOption {
  value: string;
  label: string;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'required'>;

export interface SelectFieldProps extends SelectProps, FieldOwnProps {
  options: readonly SelectOption[];
  /** A first, empty choice such as "Choose a hospital". */
  placeholder?: string;
}

export function SelectField({ options, placeholder, className, ...props }: SelectFieldProps) {
  const [field, select] = splitFieldProps(props);
  return (
    <Field {...field}>
      {(control) => (
        <select className={cx(controlClass, 'pr-8', className)} {...control} {...select}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
