import { useState, type FormEvent } from 'react';
import { useHarmonyI18n } from './harmony-i18n';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { gradeName, gradeNameOf } from './harmony-format';
import type { MethodologyVersion } from './methodology-details';
import { WeightsFieldset } from './methodology-weights';
import { draftFrom, draftProblems, toInput, weightSum, weightsTotalOne, type MethodologyDraft } from './methodology-draft';
import { CreateMethodologyVersionMutation } from './methodology.operations';
import type { IndicatorCatalogue } from './use-harmony-data';
import { useFieldMessages } from '../../lib/error-message';

interface MethodologyFormProps {
  active: MethodologyVersion | undefined;
  catalogue: IndicatorCatalogue;
  onCreated(version: number, activated: boolean): void;
  onCancel(): void;
}

/**
 * A new methodology version, prefilled from the active one. Weights are checked as they are typed: the
 * sum is shown, and the form cannot be sent until it is 1 (Equalize and Scale to 1 help get there).
 */
export function MethodologyForm({ active, catalogue, onCreated, onCancel }: MethodologyFormProps) {
  const { t, locale, formatNumber } = useHarmonyI18n();
  const [draft, setDraft] = useState<MethodologyDraft>(() => draftFrom(active, catalogue.indicators));
  const [submitted, setSubmitted] = useState(false);
  const create = useApiMutation(CreateMethodologyVersionMutation);
  const problems = draftProblems(draft, { t, formatNumber, gradeName: (code) => gradeNameOf(code, locale) });
  const shown = submitted ? problems : { ...(problems.weights ? { weights: problems.weights } : {}) };
  const fields = { ...useFieldMessages(create.error), ...shown };
  const sumOk = weightsTotalOne(weightSum(draft));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    const created = await create.run({ input: toInput(draft) });
    if (created) onCreated(created.createMethodologyVersion.version, created.createMethodologyVersion.active);
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="methodology-form-title" data-testid="methodology-form">
      <h2 id="methodology-form-title">{t('harmony.methodology.newTitle')}</h2>
      <p className="muted">{t('harmony.methodology.newIntro', { version: active?.version ?? '—' })}</p>
      <FormAlert error={create.error} />
      {create.error && Object.keys(create.error.fields).length === 0 && create.error.code === 'BAD_USER_INPUT' && (
        <p className="muted">{create.error.message}</p>
      )}
      <div className="form-grid">
        <FormField label={t('harmony.methodology.nameEn')} error={fields.name}>
          {(control) => (
            <input
              {...control}
              data-testid="methodology-name"
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            />
          )}
        </FormField>
        <FormField label={t('harmony.methodology.nameZh')} error={fields.nameZh}>
          {(control) => (
            <input
              {...control}
              data-testid="methodology-name-zh"
              value={draft.nameZh}
              onChange={(event) => setDraft({ ...draft, nameZh: event.target.value })}
            />
          )}
        </FormField>
        <FormField label={t('harmony.methodology.description')} hint={t('harmony.methodology.descriptionHint')} error={fields.description}>
          {(control) => (
            <input {...control} value={draft.description} onChange={(event) => setDraft({ ...draft, description: event.target.value })} />
          )}
        </FormField>
        <FormField
          label={t('harmony.methodology.descriptionZh')}
          hint={t('harmony.methodology.descriptionHint')}
          error={fields.descriptionZh}
        >
          {(control) => (
            <input
              {...control}
              value={draft.descriptionZh}
              onChange={(event) => setDraft({ ...draft, descriptionZh: event.target.value })}
            />
          )}
        </FormField>
      </div>

      <WeightsFieldset draft={draft} setDraft={setDraft} fields={fields} catalogue={catalogue} />

      <div className="form-grid">
        <fieldset className="field">
          <legend>{t('harmony.methodology.aggregation')}</legend>
          {(['ARITHMETIC', 'GEOMETRIC'] as const).map((aggregation) => (
            <label key={aggregation} className="checkbox">
              <input
                type="radio"
                name="aggregation"
                checked={draft.aggregation === aggregation}
                onChange={() => setDraft({ ...draft, aggregation })}
              />
              {t(`harmony.aggregation.${aggregation}`)}
            </label>
          ))}
          <small className="field-hint">{t('harmony.methodology.aggregationHint')}</small>
        </fieldset>
        <fieldset className="field">
          <legend>{t('harmony.methodology.gradeBands')}</legend>
          <div className="bands-grid">
            {draft.bands.map((band, index) => (
              <label key={band.code} className="filter">
                <span>{t('harmony.methodology.bandFrom', { grade: gradeName(band.code, locale) })}</span>
                <input
                  type="number"
                  min={0}
                  max={100}
                  step="any"
                  aria-invalid={fields.gradeBands ? true : undefined}
                  disabled={index === draft.bands.length - 1}
                  value={band.minimum}
                  onChange={(event) =>
                    setDraft({
                      ...draft,
                      bands: draft.bands.map((current, i) => (i === index ? { ...current, minimum: event.target.value } : current)),
                    })
                  }
                />
              </label>
            ))}
          </div>
          {fields.gradeBands && <small className="field-error">{fields.gradeBands}</small>}
        </fieldset>
        <FormField
          label={t('harmony.methodology.coverageThresholdPercent')}
          hint={t('harmony.methodology.coverageHint')}
          error={fields.coverageThreshold}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={0}
              max={100}
              step="any"
              value={draft.coverage}
              onChange={(event) => setDraft({ ...draft, coverage: event.target.value })}
            />
          )}
        </FormField>
        <fieldset className="field">
          <legend>{t('harmony.methodology.alertRules')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.indexBelow.enabled}
              onChange={(event) => setDraft({ ...draft, indexBelow: { ...draft.indexBelow, enabled: event.target.checked } })}
            />
            {t('harmony.methodology.ruleIndexBelow')}
            <input
              className="inline-number"
              type="number"
              aria-label={t('harmony.methodology.ruleThreshold')}
              aria-invalid={fields.indexBelow ? true : undefined}
              disabled={!draft.indexBelow.enabled}
              value={draft.indexBelow.threshold}
              onChange={(event) => setDraft({ ...draft, indexBelow: { ...draft.indexBelow, threshold: event.target.value } })}
            />
          </label>
          {fields.indexBelow && <small className="field-error">{fields.indexBelow}</small>}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.fall.enabled}
              onChange={(event) => setDraft({ ...draft, fall: { ...draft.fall, enabled: event.target.checked } })}
            />
            {t('harmony.methodology.ruleFall')}
            <input
              className="inline-number"
              type="number"
              aria-label={t('harmony.methodology.rulePoints')}
              aria-invalid={fields.fall ? true : undefined}
              disabled={!draft.fall.enabled}
              value={draft.fall.points}
              onChange={(event) => setDraft({ ...draft, fall: { ...draft.fall, points: event.target.value } })}
            />
          </label>
          {fields.fall && <small className="field-error">{fields.fall}</small>}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.redLineRule}
              onChange={(event) => setDraft({ ...draft, redLineRule: event.target.checked })}
            />
            {t('harmony.methodology.ruleRedLine')}
          </label>
        </fieldset>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={draft.winsorise} onChange={(event) => setDraft({ ...draft, winsorise: event.target.checked })} />
        {t('harmony.methodology.winsoriseLabel')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="methodology-activate"
          checked={draft.activate}
          onChange={(event) => setDraft({ ...draft, activate: event.target.checked })}
        />
        {t('harmony.methodology.activateLabel')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="methodology-submit" disabled={create.fetching || !sumOk}>
          {t('harmony.methodology.createSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
      {!sumOk && <p className="field-error">{t('harmony.methodology.blocked')}</p>}
    </form>
  );
}
