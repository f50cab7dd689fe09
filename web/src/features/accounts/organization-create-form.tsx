import { useState, type FormEvent } from 'react';
import { useAccountsI18n } from './accounts-i18n';
import { useSession } from '../../app/session-provider';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { CreateOrganizationMutation } from './organization.operations';
import { useFieldMessages } from '../../lib/error-message';

interface OrganizationCreateFormProps {
  onCreated(name: string): void;
  onCancel(): void;
}

export function OrganizationCreateForm({ onCreated, onCancel }: OrganizationCreateFormProps) {
  const { t } = useAccountsI18n();
  const { user: me } = useSession();
  const [name, setName] = useState('');
  const [region, setRegion] = useState<RegionOption | null>(null);
  const [checks, setChecks] = useState<Record<string, string>>({});
  const create = useApiMutation(CreateOrganizationMutation);
  const fields = { ...useFieldMessages(create.error), ...checks };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('form.required');
    if (!region) found.regionId = t('form.chooseRegion');
    setChecks(found);
    if (!region || Object.keys(found).length > 0) return;
    const created = await create.run({ input: { name: name.trim(), regionId: region.id } });
    if (created) onCreated(created.createOrganization.name);
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="organization-create-title">
      <h2 id="organization-create-title">{t('organizations.createTitle')}</h2>
      <FormAlert error={create.error} />
      <div className="form-grid">
        <FormField label={t('field.name')} error={fields.name}>
          {(control) => (
            <input {...control} data-testid="organization-name" value={name} onChange={(event) => setName(event.target.value)} />
          )}
        </FormField>
        <FormField label={t('field.region')} hint={t('organizations.regionHint')} error={fields.regionId}>
          {(control) => (
            <RegionSelect control={control} value={region} onChange={setRegion} withinId={me?.region.id} testId="organization-region" />
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="organization-create-submit" disabled={create.fetching}>
          {t('organizations.createSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
