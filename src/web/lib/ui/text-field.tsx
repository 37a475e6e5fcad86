import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field, controlClass } from './field.js';
import { cx } from './cx.js';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'required'>;

export interface TextFieldProps extends InputProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  optional?: boolean;
  /** Something beside the input, e.g. a "Generate" button. */
  addon?: ReactNode;
  fieldClassName?: string;
}

export function TextField({
  label,
  hint,
  error,
  required,
  optional,
  addon,
  fieldClassName,
  className,
  type = 'text',
  ...input
}: TextFieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      required={required}
      optional={optional}
      className={fieldClassName}
    >
      {(control) => {
        const el = <input type={type} className={cx(controlClass, className)} {...control} {...input} />;
        return addon ? (
          <div className="flex gap-2">
            {el}
            {addon}
          </div>
        ) : (
          el
        );
      }}
    </Field>
  );
}
