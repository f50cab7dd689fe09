import { useId, type ReactNode } from 'react';
import type { ApiError } from '../app/api-error';
import { useI18n } from '../app/i18n/i18n-provider';
import { errorMessage } from './error-message';

/** What a field's control needs so that its label and error message are announced with it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FormFieldProps {
  label: string;
  /** The message for this field: the server's `extensions.fields[name]`, or a check made here. */
  error?: string;
  hint?: string;
  children: (control: FieldControlProps) => ReactNode;
}

export function FormField({ label, error, hint, children }: FormFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <small id={hintId} className="field-hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={errorId} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

/** The general message of a refused form, above the form. */
export function FormAlert({ error }: { error: ApiError | null }) {
  const i18n = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {errorMessage(error, i18n)}
    </div>
  );
}

export function FormNotice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}
