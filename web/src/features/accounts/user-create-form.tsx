import { USER_ROLES, type UserRole } from '@massline/shared';
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useAccountsI18n } from './accounts-i18n';
import { useSession } from '../../app/session-provider';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { CreateUserMutation, OrganizationChoicesQuery } from './user.operations';
import { useFieldMessages } from '../../lib/error-message';

interface UserCreateFormProps {
  onCreated(email: string): void;
  onCancel(): void;
}

export function UserCreateForm({ onCreated, onCancel }: UserCreateFormProps) {
  const { t, regionName } = useAccountsI18n();
  const { user: me } = useSession();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<UserRole | ''>('');
  const [password, setPassword] = useState('');
  const [region, setRegion] = useState<RegionOption | null>(null);
  const [organizationId, setOrganizationId] = useState('');
  const [checks, setChecks] = useState<Record<string, string>>({});
  const create = useApiMutation(CreateUserMutation);
  const fields = { ...useFieldMessages(create.error), ...checks };
  const isStaff = role === 'ORGANIZATION';
  const [organizations] = useQuery({
    query: OrganizationChoicesQuery,
    variables: { regionId: region?.id ?? me?.region.id ?? null },
    pause: !isStaff,
  });
  const organizationChoices = organizations.data?.organizations.edges.map((edge) => edge.node) ?? [];

  // Staff have their organization's region as jurisdiction: choosing the organization settles the region.
  const chooseOrganization = (id: string) => {
    setOrganizationId(id);
    const chosen = organizationChoices.find((organization) => organization.id === id);
    if (chosen && chosen.region.id !== region?.id) setRegion(chosen.region);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = t('form.required');
    if (!displayName.trim()) found.displayName = t('form.required');
    if (!role) found.role = t('form.required');
    if (!password) found.password = t('form.required');
    if (!region) found.regionId = t('form.chooseRegion');
    if (isStaff && !organizationId) found.organizationId = t('form.required');
    setChecks(found);
    if (!role || !region || Object.keys(found).length > 0) return;
    const created = await create.run({
      input: {
        email: email.trim(),
        displayName: displayName.trim(),
        role,
        password,
        regionId: region.id,
        organizationId: isStaff ? organizationId : null,
      },
    });
    if (created) onCreated(created.createUser.email);
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="user-create-title" data-testid="user-create-form">
      <h2 id="user-create-title">{t('users.createTitle')}</h2>
      <FormAlert error={create.error} />
      <div className="form-grid">
        <FormField label={t('field.email')} error={fields.email}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="off"
              data-testid="user-email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.displayName')} error={fields.displayName}>
          {(control) => (
            <input {...control} data-testid="user-name" value={displayName} onChange={(event) => setDisplayName(event.target.value)} />
          )}
        </FormField>
        <FormField label={t('field.role')} error={fields.role}>
          {(control) => (
            <select
              {...control}
              data-testid="user-role"
              value={role}
              onChange={(event) => setRole(USER_ROLES.find((candidate) => candidate === event.target.value) ?? '')}
            >
              <option value="">{t('form.choose')}</option>
              {USER_ROLES.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`role.${candidate}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('field.password')} hint={t('field.passwordHint')} error={fields.password}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              data-testid="user-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.region')} hint={t(role ? `users.regionHint.${role}` : 'users.regionHint')} error={fields.regionId}>
          {(control) => (
            <RegionSelect
              control={control}
              value={region}
              onChange={(chosen) => {
                setRegion(chosen);
                setOrganizationId('');
              }}
              withinId={me?.region.id}
              testId="user-region"
            />
          )}
        </FormField>
        {isStaff && (
          <FormField label={t('field.organization')} error={fields.organizationId}>
            {(control) => (
              <select
                {...control}
                data-testid="user-organization"
                value={organizationId}
                onChange={(event) => chooseOrganization(event.target.value)}
              >
                <option value="">{organizations.fetching ? t('state.loading') : t('form.choose')}</option>
                {organizationChoices.map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {organization.name} — {regionName(organization.region)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {isStaff && organizations.data && organizations.data.organizations.totalCount > organizationChoices.length && (
          <p className="muted">
            {t('users.moreOrganizations', { count: organizations.data.organizations.totalCount - organizationChoices.length })}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="user-create-submit" disabled={create.fetching}>
          {t('users.createSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
