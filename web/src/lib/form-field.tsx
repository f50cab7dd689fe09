import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
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
  const frame = useRef<HTMLDivElement>(null);
  // An error says what was wrong with what was typed: once the field is edited it no longer applies, so it
  // goes at once (not at the next submit); submitting again shows whatever is still wrong.
  const [editedAway, setEditedAway] = useState<string | undefined>(undefined);
  useEffect(() => {
    const form = frame.current?.closest('form');
    if (!form) return;
    const onSubmit = () => setEditedAway(undefined);
    form.addEventListener('submit', onSubmit, true);
    return () => form.removeEventListener('submit', onSubmit, true);
  }, []);
  const shown = error !== undefined && error !== editedAway ? error : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = shown ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const onEdit = () => {
    if (shown) setEditedAway(shown);
  };
  return (
    <div ref={frame} className={shown ? 'field field-invalid' : 'field'} onInput={onEdit} onChange={onEdit}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': shown ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <small id={hintId} className="field-hint">
          {hint}
        </small>
      )}
      {shown && (
        <small id={errorId} className="field-error" data-testid="field-error">
          {shown}
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
