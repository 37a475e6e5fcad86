import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Field, controlClass } from './field.js';
import { cx } from './cx.js';

export interface SelectOption {
  value: string;
  label: string;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'required'>;

export interface SelectFieldProps extends SelectProps {
  label: ReactNode;
  options: readonly SelectOption[];
  /** A first, empty choice such as "Choose a hospital". */
  placeholder?: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  optional?: boolean;
  fieldClassName?: string;
}

export function SelectField({
  label,
  options,
  placeholder,
  hint,
  error,
  required,
  optional,
  fieldClassName,
  className,
  ...select
}: SelectFieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      required={required}
      optional={optional}
      className={fieldClassName}
    >
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
