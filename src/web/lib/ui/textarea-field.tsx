import type { TextareaHTMLAttributes } from 'react';
import { Field, controlClass, splitFieldProps, type FieldOwnProps } from './field.js';
import { cx } from './cx.js';

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'required'>;

export interface TextAreaFieldProps extends TextareaProps, FieldOwnProps {}

export function TextAreaField({ className, rows = 4, ...props }: TextAreaFieldProps) {
  const [field, textarea] = splitFieldProps(props);
  return <Field {...field}>{(control) => <textarea rows={rows} className={cx(controlClass, className)} {...control} {...textarea} />}</Field>;
}
