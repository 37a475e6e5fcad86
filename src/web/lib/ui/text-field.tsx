import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field, controlClass, splitFieldProps, type FieldOwnProps } from './field.js';
import { cx } from './cx.js';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'required'>;

export interface TextFieldProps extends InputProps, FieldOwnProps {
  /** Something beside the input, e.g. a "Generate" button. */
  addon?: ReactNode;
}

export function TextField({ addon, className, type = 'text', ...props }: TextFieldProps) {
  const [field, input] = splitFieldProps(props);
  return (
    <Field {...field}>
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
