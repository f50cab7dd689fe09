import { appraisal } from '@massline/shared';
import { useState, type FormEvent } from 'react';
import { useFieldMessages } from '../../lib/error-message';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { FormActions, NumberField, useProblemWords } from './appraisal-forms';
import { useAppraisalI18n, type AppraisalMessageKey } from './appraisal-i18n';
import { CreateVerdictSettingsMutation } from './verdict-settings.operations';
import {
  draftOf,
  valuesOf,
  VERDICT_SETTINGS_FIELDS,
  type VerdictSettingsDraft,
  type VerdictSettingsField,
  type VerdictSettingsValues,
} from './verdict-settings-draft';

/** The label of each box, by its problem path (a band's is its grade's). */
export const fieldLabel = (field: VerdictSettingsField): AppraisalMessageKey =>
  field.startsWith('bands.')
    ? (`appraisal.settings.band.${field.split('.')[1]}` as AppraisalMessageKey)
    : (`appraisal.settings.field.${field}` as AppraisalMessageKey);

const GROUPS: readonly { title: AppraisalMessageKey; fields: readonly VerdictSettingsField[] }[] = [
  { title: 'appraisal.settings.group.weights', fields: VERDICT_SETTINGS_FIELDS.filter((field) => field.startsWith('weights.')) },
  { title: 'appraisal.settings.group.bands', fields: VERDICT_SETTINGS_FIELDS.filter((field) => field.startsWith('bands.')) },
  {
    title: 'appraisal.settings.group.flags',
    fields: ['officialGap', 'gdpGrowth', 'livelihoodFloor', 'debtGrowth', 'showcaseShare', 'workStyleGap'],
  },
  { title: 'appraisal.settings.group.audit', fields: VERDICT_SETTINGS_FIELDS.filter((field) => field.startsWith('auditPenalties.')) },
];

/**
 * A new version of the verdict settings, prefilled from the one in force. Shared's rules check it as it
 * is typed, so each box shows its problem before anything is sent; the server applies the same rules.
 */
export function VerdictSettingsForm({
  from,
  onCreated,
  onCancel,
}: {
  from: VerdictSettingsValues;
  onCreated(version: number): void;
  onCancel(): void;
}) {
  const { t } = useAppraisalI18n();
  const words = useProblemWords();
  const [draft, setDraft] = useState<VerdictSettingsDraft>(() => draftOf(from));
  const [note, setNote] = useState('');
  const create = useApiMutation(CreateVerdictSettingsMutation);
  const problems = words(appraisal.verdictSettingsProblems(valuesOf(draft)));
  const fields = { ...useFieldMessages(create.error), ...problems };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(problems).length > 0) return;
    const values = valuesOf(draft);
    const done = await create.run({ input: { ...values, bands: [...values.bands], note: note.trim() || null } });
    if (done) onCreated(done.createVerdictSettings.version);
  };

  return (
    <form
      className="form card"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="verdict-settings-form-title"
      data-testid="verdict-settings-form"
    >
      <h2 id="verdict-settings-form-title">{t('appraisal.settings.new')}</h2>
      <p className="muted">{t('appraisal.settings.newIntro')}</p>
      <FormAlert error={create.error} />
      {fields.bands && (
        <p className="alert alert-error" role="alert" data-testid="verdict-settings-bands-problem">
          {fields.bands}
        </p>
      )}
      {GROUPS.map((group) => (
        <fieldset key={group.title} className="form-group">
          <legend>{t(group.title)}</legend>
          {group.fields.map((field) => (
            <NumberField
              key={field}
              label={t(fieldLabel(field))}
              error={fields[field]}
              value={draft[field]}
              testId={`verdict-settings-${field.replace(/\./g, '-')}`}
              onChange={(value) => setDraft((current) => ({ ...current, [field]: value }))}
            />
          ))}
        </fieldset>
      ))}
      <FormField label={t('appraisal.settings.note')} error={fields.note}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={2000}
            data-testid="verdict-settings-note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </FormField>
      <FormActions busy={create.fetching} testId="verdict-settings-submit" onCancel={onCancel} />
    </form>
  );
}
