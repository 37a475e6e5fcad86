import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent, type RefObject } from 'react';
import {
  useForm as useHookForm,
  type DefaultValues,
  type FieldErrors as HookFieldErrors,
  type FieldValues,
  type Path,
  type PathValue,
  type Resolver,
} from 'react-hook-form';
import type { z } from 'zod';
import {
  flattenErrors,
  serverFailure,
  zodFieldErrors,
  type FieldErrors,
  type FormFailure,
} from './form-errors.js';

// Where they were before the move to react-hook-form: forms written against them import them here.
export { problemFieldErrors, zodFieldErrors, type FieldErrors, type FormFailure } from './form-errors.js';

type Values = Record<string, string | boolean>;
type AddError = (field: string, message: string) => void;
type Work<B> = (body: B) => Promise<unknown> | void;

export interface FormOptions<V extends Values, S extends z.ZodType> {
  /** The contract schema the request body must pass (the server checks the same one). */
  schema: S;
  /**
   * Form text -> the request body (trimmed, blanks to null, numbers parsed). `addError` reports
   * what the schema cannot see (an amount that is not a number). The form's values by default.
   */
  toBody?: (values: V, addError: AddError) => unknown;
}

/**
 * The contract schema as react-hook-form's resolver, checked against the request body built
 * from the form (`toBody`) rather than the form's text. Errors from `toBody` win over the
 * schema's for the same field; issues about the body as a whole become the form's `root` error.
 */
export function bodyResolver<V extends Values, S extends z.ZodType>(current: () => FormOptions<V, S>): Resolver<V, unknown, z.output<S>> {
  return async (values, context, options) => {
    // The latest options: a dialog's schema may follow its action, `toBody` the latest props.
    const { schema, toBody } = current();
    const zod = zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, z.output<S>>;
    const extra: FieldErrors = {};
    const input = toBody ? toBody(values, (field, message) => void (extra[field] ??= message)) : values;
    const result = await zod(input as FieldValues, context, options as never);
    const errors: Record<string, unknown> = { ...result.errors };
    if (errors['']) {
      errors.root = errors[''];
      delete errors[''];
    }
    for (const [field, message] of Object.entries(extra)) errors[field] = { type: 'custom', message };
    if (Object.keys(errors).length === 0) return { values: result.values as z.output<S>, errors: {} };
    return { values: {}, errors: errors as HookFieldErrors<V> };
  };
}

/**
 * Form state for one form, kept by react-hook-form: values, per-field errors, the failure shown
 * above the form, and focus on the first invalid field (in page order, or the failure when no
 * field is at fault) whenever a submit fails. Server problems land under their fields.
 *
 * With `{ schema, toBody }`, `handleSubmit(work)` checks the body with the schema (through the
 * zod resolver) and calls `work(body)` only when it passes. Without them, `work()` runs and
 * checks for itself with `validate(schema, build)`: the older way, kept so forms written
 * against it still work; new forms pass the schema.
 */
export function useForm<V extends Values>(initial: V): Form<V, void>;
export function useForm<V extends Values, S extends z.ZodType>(initial: V, options: FormOptions<V, S>): Form<V, z.output<S>>;
export function useForm<V extends Values, S extends z.ZodType>(initial: V, options?: FormOptions<V, S>): Form<V, unknown> {
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [resolver] = useState(() => (options ? bodyResolver(() => optionsRef.current!) : undefined));
  const hook = useHookForm<V, unknown, unknown>({
    defaultValues: initial as DefaultValues<V>,
    resolver: resolver as Resolver<V, unknown, unknown> | undefined,
    // Focus follows the page's order and falls back to the failure: done below, for every cause.
    shouldFocusError: false,
  });
  const values = hook.watch() as V;
  const errors = flattenErrors(hook.formState.errors);
  const submitting = hook.formState.isSubmitting;
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const busy = useRef(false);

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

  const { setValue: setHookValue, getFieldState, clearErrors, setError, reset: resetHook, getValues } = hook;
  const setValue = useCallback(
    <K extends keyof V & string>(name: K, value: V[K]) => {
      setHookValue(name as unknown as Path<V>, value as PathValue<V, Path<V>>, { shouldDirty: true });
      if (getFieldState(name as unknown as Path<V>).error) clearErrors(name as unknown as Path<V>);
    },
    [setHookValue, getFieldState, clearErrors],
  );

  const initialRef = useRef(initial);
  const reset = useCallback(
    (next?: V) => {
      resetHook(next ?? initialRef.current);
      setFailure(null);
    },
    [resetHook],
  );

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
    onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(name, event.target.checked as V[typeof name]),
  });

  /** Show these errors and move focus to the first invalid field. */
  const showErrors = (next: FieldErrors, nextFailure: FormFailure | null = null) => {
    clearErrors();
    for (const [name, message] of Object.entries(next)) setError(name as Path<V>, { type: 'custom', message });
    setFailure(nextFailure);
    setFocusToken((t) => t + 1);
  };

  /**
   * Build the request body from the values and check it against the contract schema.
   * `build` may report errors the schema cannot see (e.g. an amount that is not a number).
   * Returns the parsed body, or null after showing the errors.
   */
  const validate = <T extends z.ZodType>(schema: T, build: (values: V, addError: AddError) => unknown): z.output<T> | null => {
    const extra: FieldErrors = {};
    const input = build(getValues(), (field, message) => {
      extra[field] ??= message;
    });
    const parsed = schema.safeParse(input);
    const all = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...extra };
    if (Object.keys(all).length > 0) {
      const formLevel = all._form;
      delete all._form;
      showErrors(all, formLevel ? { title: 'Check the form', message: formLevel, unmatched: [] } : null);
      return null;
    }
    clearErrors();
    setFailure(null);
    return parsed.success ? parsed.data : null;
  };

  /** Show an API failure: matched paths under the form's fields, the rest above the form. */
  const fail = (error: unknown) => {
    const present = Array.from(formRef.current?.elements ?? []).map((el) => (el as HTMLInputElement).name);
    const { matched, failure } = serverFailure(error, new Set(present.filter(Boolean)));
    showErrors(matched, failure);
  };

  /**
   * The schema refused the body. The errors are set again here, beside the focus request, so
   * that both reach the page in one render and focus finds the first invalid field.
   */
  const refused = (found: HookFieldErrors<V>) => {
    const formLevel = found.root?.message;
    showErrors(flattenErrors(found), formLevel ? { title: 'Check the form', message: formLevel, unmatched: [] } : null);
  };

  /**
   * An onSubmit handler: checks the body (with a schema), runs `work` once at a time, tracks
   * `submitting` (to disable the submit button) and shows whatever it throws as the form's failure.
   */
  const handleSubmit = (work: Work<unknown>) => async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy.current) return;
    busy.current = true;
    // Errors of the last try (a server's among them) are looked at afresh.
    clearErrors();
    try {
      await hook.handleSubmit(async (body) => {
        setFailure(null);
        await work(body);
      }, refused)();
    } catch (error) {
      fail(error);
    } finally {
      busy.current = false;
    }
  };

  return { values, submitting, handleSubmit, errors, failure, formRef, setValue, reset, text, checkbox, validate, fail, showErrors };
}

/** What `text(name)` gives a field: spread it on a TextField, SelectField or TextAreaField. */
export interface TextBinding {
  name: string;
  value: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
}

export interface Form<V extends Values, B> {
  values: V;
  submitting: boolean;
  handleSubmit: (work: Work<B>) => (event?: FormEvent) => Promise<void>;
  errors: FieldErrors;
  failure: FormFailure | null;
  formRef: RefObject<HTMLFormElement | null>;
  setValue: <K extends keyof V & string>(name: K, value: V[K]) => void;
  reset: (next?: V) => void;
  text: (name: keyof V & string) => TextBinding;
  checkbox: (name: keyof V & string) => {
    name: string;
    checked: boolean;
    error: string | undefined;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  };
  validate: <T extends z.ZodType>(schema: T, build: (values: V, addError: AddError) => unknown) => z.output<T> | null;
  fail: (error: unknown) => void;
  showErrors: (next: FieldErrors, nextFailure?: FormFailure | null) => void;
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
export function integer(value: string | boolean | undefined, field: string, addError: AddError, required = false) {
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

/** Sends only what differs from the original (a PATCH); false, and nothing sent, when nothing does. */
export async function patchChanges<T extends Record<string, unknown>>(
  next: T,
  original: Record<string, unknown>,
  send: (changes: Partial<T>) => Promise<unknown>,
): Promise<boolean> {
  const changes = changedFields(next, original);
  if (Object.keys(changes).length === 0) return false;
  await send(changes);
  return true;
}

/** Only the keys whose value differs from the original (for PATCH bodies). */
export function changedFields<T extends Record<string, unknown>>(next: T, original: Record<string, unknown>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T & string)[]) {
    if (next[key] !== undefined && next[key] !== original[key]) out[key] = next[key];
  }
  return out;
}
