import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '@massline/shared';
import { useAuditI18n } from './audit-i18n';

export interface SecurityLogFilterValues {
  /** None checked: every kind. */
  kinds: readonly SecurityEventKind[];
  address: string;
  /** yyyy-mm-dd from a date input, or '' */
  from: string;
  to: string;
}

export const EMPTY_SECURITY_LOG_FILTERS: SecurityLogFilterValues = { kinds: [], address: '', from: '', to: '' };

export function SecurityLogFilters({
  values,
  onChange,
}: {
  values: SecurityLogFilterValues;
  onChange(values: SecurityLogFilterValues): void;
}) {
  const { t } = useAuditI18n();
  const set = (key: 'address' | 'from' | 'to') => (event: { target: { value: string } }) =>
    onChange({ ...values, [key]: event.target.value });
  // The kinds stay in the shared order, whatever order they were checked in.
  const toggleKind = (kind: SecurityEventKind) => {
    const checked = (candidate: SecurityEventKind) =>
      candidate === kind ? !values.kinds.includes(kind) : values.kinds.includes(candidate);
    onChange({ ...values, kinds: SECURITY_EVENT_KINDS.filter(checked) });
  };
  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <fieldset className="filter filter-wide">
        <legend>{t('security.kinds')}</legend>
        <div className="filter-options">
          {SECURITY_EVENT_KINDS.map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="checkbox"
                data-testid={`security-filter-kind-${kind}`}
                checked={values.kinds.includes(kind)}
                onChange={() => toggleKind(kind)}
              />
              {t(`securityKind.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="filter">
        <span>{t('security.address')}</span>
        <input data-testid="security-filter-address" placeholder="203.0.113.7" value={values.address} onChange={set('address')} />
      </label>
      <label className="filter">
        <span>{t('audit.from')}</span>
        <input type="date" data-testid="security-filter-from" value={values.from} onChange={set('from')} />
      </label>
      <label className="filter">
        <span>{t('audit.to')}</span>
        <input type="date" data-testid="security-filter-to" value={values.to} onChange={set('to')} />
      </label>
      <div className="filter filter-actions">
        <button type="button" className="button" onClick={() => onChange(EMPTY_SECURITY_LOG_FILTERS)}>
          {t('filter.clear')}
        </button>
      </div>
    </form>
  );
}
