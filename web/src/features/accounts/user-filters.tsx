import { CITIZEN_STATUSES, USER_ROLES, type CitizenStatus, type UserRole } from '@massline/shared';
import { useAccountsI18n } from './accounts-i18n';

export interface UserFilterValues {
  search: string;
  role: UserRole | '';
  citizenStatus: CitizenStatus | '';
  active: '' | 'true' | 'false';
}

const pick = <T extends string>(options: readonly T[], value: string): T | '' => options.find((option) => option === value) ?? '';

export function UserFilters({ values, onChange }: { values: UserFilterValues; onChange(values: UserFilterValues): void }) {
  const { t } = useAccountsI18n();
  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <label className="filter">
        <span>{t('filter.search')}</span>
        <input
          type="search"
          data-testid="user-filter-search"
          placeholder={t('users.searchPlaceholder')}
          value={values.search}
          onChange={(event) => onChange({ ...values, search: event.target.value })}
        />
      </label>
      <label className="filter">
        <span>{t('field.role')}</span>
        <select
          data-testid="user-filter-role"
          value={values.role}
          onChange={(event) => onChange({ ...values, role: pick(USER_ROLES, event.target.value) })}
        >
          <option value="">{t('filter.any')}</option>
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('field.citizenStatus')}</span>
        <select
          data-testid="user-filter-status"
          value={values.citizenStatus}
          onChange={(event) => onChange({ ...values, citizenStatus: pick(CITIZEN_STATUSES, event.target.value) })}
        >
          <option value="">{t('filter.any')}</option>
          {CITIZEN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`citizenStatus.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('users.activeFilter')}</span>
        <select
          data-testid="user-filter-active"
          value={values.active}
          onChange={(event) => onChange({ ...values, active: pick(['true', 'false'] as const, event.target.value) })}
        >
          <option value="">{t('filter.any')}</option>
          <option value="true">{t('users.active')}</option>
          <option value="false">{t('users.inactive')}</option>
        </select>
      </label>
    </form>
  );
}
