import { SUBJECTS } from '@massline/shared';
import { useId } from 'react';
import { useAuditI18n } from './audit-i18n';
import { auditEn } from './messages/en';

/** Every action the audit log can hold (one message each: audit-actions.spec.ts checks it against the server), by its words. */
const AUDIT_ACTION_KEYS = (Object.keys(auditEn) as (keyof typeof auditEn)[]).filter((key) => key.startsWith('auditAction.'));

export interface AuditFilterValues {
  action: string;
  subjectType: string;
  subjectId: string;
  /** yyyy-mm-dd from a date input, or '' */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = { action: '', subjectType: '', subjectId: '', from: '', to: '' };

/** A local calendar day as the instant it starts; `to` is inclusive for the reader, so it ends a day later. */
export function dayStart(day: string, plusDays = 0): string | null {
  if (!day) return null;
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return null;
  return new Date(year, month - 1, date + plusDays).toISOString();
}

export function AuditFilters({ values, onChange }: { values: AuditFilterValues; onChange(values: AuditFilterValues): void }) {
  const { t } = useAuditI18n();
  const subjectsListId = useId();
  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    onChange({ ...values, [key]: event.target.value });
  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <label className="filter">
        <span>{t('audit.action')}</span>
        <select data-testid="audit-filter-action" value={values.action} onChange={set('action')}>
          <option value="">{t('audit.anyAction')}</option>
          {AUDIT_ACTION_KEYS.map((key) => (
            <option key={key} value={key.slice('auditAction.'.length)}>
              {t(key)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('audit.subjectType')}</span>
        <input data-testid="audit-filter-subject-type" list={subjectsListId} value={values.subjectType} onChange={set('subjectType')} />
        <datalist id={subjectsListId}>
          {SUBJECTS.map((subjectName) => (
            <option key={subjectName} value={subjectName} />
          ))}
        </datalist>
      </label>
      <label className="filter">
        <span>{t('audit.subjectId')}</span>
        <input data-testid="audit-filter-subject-id" value={values.subjectId} onChange={set('subjectId')} />
      </label>
      <label className="filter">
        <span>{t('audit.from')}</span>
        <input type="date" data-testid="audit-filter-from" value={values.from} onChange={set('from')} />
      </label>
      <label className="filter">
        <span>{t('audit.to')}</span>
        <input type="date" data-testid="audit-filter-to" value={values.to} onChange={set('to')} />
      </label>
      <div className="filter filter-actions">
        <button type="button" className="button" onClick={() => onChange(EMPTY_AUDIT_FILTERS)}>
          {t('filter.clear')}
        </button>
      </div>
    </form>
  );
}
