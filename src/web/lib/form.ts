import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError, errorMessage } from './api-client.js';

/** Field name -> the message shown under that field. */
export type FieldErrors = Record<string, string>;

/** What a failed submit says above the form. */
export interface FormFailure {
  title: string;
  message: string;
  /** Server messages whose path matched no field on this form. */
  unmatched: string[];
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** API paths may come as "email", "body.email" or "/email"; fields are named "email". */
function normalisePath(path: string) {
  return path.replace(/^\/+/, '').replace(/^body[./]/, '').replace(/\//g, '.');
}

export function problemFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (error instanceof ApiError) {
    for (const item of error.problem?.errors ?? []) {
      errors[normalisePath(item.path) || '_form'] ??= item.message;
    }
  }
  return errors;
}

/** Error codes that belong to one field even when the API lists no `errors[]`. */
const CODE_FIELDS: Partial<Record<string, string>> = {
  email_taken: 'email',
  license_taken: 'licenseNumber',
  wrong_password: 'currentPassword',
  password_reused: 'newPassword',
  hospital_inactive: 'hospitalId',
};

type Values = Record<string, string | boolean>;
type AddError = (field: string, message: string) => void;

/**
 * Form state for one form: values, per-field errors, the failure shown above the form, and
 * focusing the first invalid field whenever a submit fails.
 */
export function useForm<V extends Values>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusToken === 0) return;
    const form = formRef.current;
    if (!form) return;
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
    } else {
      form.querySelector<HTMLElement>('[data-form-alert]')?.focus();
    }
  }, [focusToken]);

  const setValue = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => {
      if (!(name in current)) return current;
      const { [name as string]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  const initialRef = useRef(initial);
  const reset = useCallback((next?: V) => {
    setValues(next ?? initialRef.current);
    setErrors({});
    setFailure(null);
  }, []);

  /** Props for a text-like field bound to `name`. */
  const text = (name: keyof V & string) => ({
    name,
    value: String(values[name] ?? ''),
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setValue(name, event.target.value as V[typeof name]),
  });

  /** Props for a checkbox bound to `name`. */
  const checkbox = (name: keyof V & string) => ({
    name,
    checked: Boolean(values[name]),
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      setValue(name, event.target.checked as V[typeof name]),
  });

  /** Show these errors and move focus to the first invalid field. */
  const showErrors = (next: FieldErrors, nextFailure: FormFailure | null = null) => {
    setErrors(next);
    setFailure(nextFailure);
    setFocusToken((t) => t + 1);
  };

  /**
   * Build the request body from the values and check it against the contract schema.
   * `build` may report errors the schema cannot see (e.g. an amount that is not a number).
   * Returns the parsed body, or null after showing the errors.
   */
  const validate = <S extends z.ZodType>(
    schema: S,
    build: (values: V, addError: AddError) => unknown,
  ): z.output<S> | null => {
    const extra: FieldErrors = {};
    const input = build(values, (field, message) => {
      extra[field] ??= message;
    });
    const parsed = schema.safeParse(input);
    const all = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...extra };
    if (Object.keys(all).length > 0) {
      const formLevel = all._form;
      delete all._form;
      showErrors(
        all,
        formLevel ? { title: 'Check the form', message: formLevel, unmatched: [] } : null,
      );
      return null;
    }
    setErrors({});
    setFailure(null);
    return parsed.success ? parsed.data : null;
  };

  /** Show an API failure: matched paths under their fields, the rest above the form. */
  const fail = (error: unknown) => {
    const fieldErrors = problemFieldErrors(error);
    const present = new Set(
      Array.from(formRef.current?.elements ?? [])
        .map((el) => (el as HTMLInputElement).name)
        .filter(Boolean),
    );
    const matched: FieldErrors = {};
    const unmatched: string[] = [];
    const codeField = error instanceof ApiError && error.code ? CODE_FIELDS[error.code] : undefined;
    if (codeField && present.has(codeField) && Object.keys(fieldErrors).length === 0) {
      matched[codeField] = errorMessage(error);
    }
    for (const [path, message] of Object.entries(fieldErrors)) {
      const field = present.has(path) ? path : path.split('.')[0];
      if (field && present.has(field)) matched[field] ??= message;
      else unmatched.push(path === '_form' ? message : `${path}: ${message}`);
    }
    const title =
      error instanceof ApiError && error.problem ? error.problem.title : 'That did not work';
    showErrors(matched, { title, message: errorMessage(error), unmatched });
  };

  /**
   * An onSubmit handler: runs `work` once at a time, tracks `submitting` (to disable the
   * submit button) and shows whatever it throws as the form's failure.
   */
  const handleSubmit = (work: () => Promise<unknown> | void) => async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      await work();
    } catch (error) {
      fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return {
    values,
    submitting,
    handleSubmit,
    errors,
    failure,
    formRef,
    setValue,
    reset,
    text,
    checkbox,
    validate,
    fail,
    showErrors,
  };
}

/** Empty text -> undefined (for optional create fields). */
export function optional(value: string | boolean | undefined): string | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text ? text : undefined;
}

/** Empty text -> null (for clearable patch fields). */
export function nullable(value: string | boolean | undefined): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  return text ? text : null;
}

/** A whole number from text, or NaN-free undefined when blank (the schema then says Required). */
export function integer(
  value: string | boolean | undefined,
  field: string,
  addError: AddError,
  required = false,
) {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') {
    if (required) addError(field, 'Required');
    return undefined;
  }
  if (!/^\d+$/.test(text)) {
    addError(field, 'Enter a whole number');
    return undefined;
  }
  return Number(text);
}

/** Only the keys whose value differs from the original (for PATCH bodies). */
export function changedFields<T extends Record<string, unknown>>(
  next: T,
  original: Record<string, unknown>,
): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T & string)[]) {
    if (next[key] !== undefined && next[key] !== original[key]) out[key] = next[key];
  }
  return out;
}
