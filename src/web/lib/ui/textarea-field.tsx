import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { Field, controlClass } from './field.js';
import { cx } from './cx.js';

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'required'>;

export interface TextAreaFieldProps extends TextareaProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  optional?: boolean;
  fieldClassName?: string;
}

export function TextAreaField({
  label,
  hint,
  error,
  required,
  optional,
  fieldClassName,
  className,
  rows = 4,
  ...textarea
}: TextAreaFieldProps) {
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
        <textarea rows={rows} className={cx(controlClass, className)} {...control} {...textarea} />
      )}
    </Field>
  );
}
