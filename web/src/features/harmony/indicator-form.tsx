import { useState, type FormEvent } from 'react';
import { useHarmonyI18n } from './harmony-i18n';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import {
  DIRECTIONS,
  EMPTY_INDICATOR_DRAFT,
  indicatorProblems,
  maxLength,
  RATE_BASES,
  toIndicatorInput,
  type IndicatorDraft,
} from './indicator-draft';
import { CreateIndicatorMutation } from './indicator.operations';
import { useFieldMessages } from '../../lib/error-message';

interface IndicatorFormProps {
  onCreated(indicator: { code: string; nameEn: string; nameZh: string }): void;
  onCancel(): void;
}

type TextKey = 'code' | 'nameEn' | 'nameZh' | 'unitEn' | 'unitZh';
type NumberKey = 'goalpostLower' | 'goalpostUpper' | 'redLine';

/**
 * A new indicator of the catalogue (the root organization). Checked here as the server checks it, and
 * nothing is sent until every field is right; after a first attempt the checks follow the typing.
 * Numbers are typed as text and parsed here, so that bad text is refused rather than silently emptied.
 */
export function IndicatorForm({ onCreated, onCancel }: IndicatorFormProps) {
  const { t } = useHarmonyI18n();
  const [draft, setDraft] = useState<IndicatorDraft>(EMPTY_INDICATOR_DRAFT);
  const [submitted, setSubmitted] = useState(false);
  const create = useApiMutation(CreateIndicatorMutation);
  const problems = indicatorProblems(draft, t);
  const serverFields = { ...useFieldMessages(create.error) };
  // The server says "Already used" in English; the reader gets it in their language.
  if (create.error?.reason === 'INDICATOR_CODE_TAKEN') serverFields.code = t('reason.INDICATOR_CODE_TAKEN');
  const fields = { ...serverFields, ...(submitted ? problems : {}) };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    const created = await create.run({ input: toIndicatorInput(draft) });
    if (created) onCreated(created.createIndicator);
  };

  const textField = (key: TextKey, label: string, hint?: string) => (
    <FormField label={label} hint={hint} error={fields[key]}>
      {(control) => (
        <input
          {...control}
          data-testid={`indicator-${key}`}
          maxLength={maxLength(key)}
          autoComplete="off"
          spellCheck={key === 'code' ? false : undefined}
          value={draft[key]}
          onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        />
      )}
    </FormField>
  );
  const numberField = (key: NumberKey, label: string, hint?: string) => (
    <FormField label={label} hint={hint} error={fields[key]}>
      {(control) => (
        <input
          {...control}
          inputMode="decimal"
          autoComplete="off"
          data-testid={`indicator-${key}`}
          value={draft[key]}
          onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="indicator-form-title" data-testid="indicator-form">
      <h2 id="indicator-form-title">{t('harmony.indicators.newTitle')}</h2>
      <p className="muted">{t('harmony.indicators.newIntro')}</p>
      <FormAlert error={create.error} />
      {create.error?.code === 'BAD_USER_INPUT' && Object.keys(create.error.fields).length === 0 && (
        <p className="muted">{create.error.message}</p>
      )}
      <div className="form-grid">
        {textField('code', t('harmony.indicators.code'), t('harmony.indicators.codeHint'))}
        {textField('nameEn', t('harmony.indicators.nameEn'))}
        {textField('nameZh', t('harmony.indicators.nameZh'))}
        {textField('unitEn', t('harmony.indicators.unitEn'))}
        {textField('unitZh', t('harmony.indicators.unitZh'))}
        <FormField label={t('harmony.methodology.direction')} error={fields.direction}>
          {(control) => (
            <select
              {...control}
              data-testid="indicator-direction"
              value={draft.direction}
              onChange={(event) => setDraft({ ...draft, direction: DIRECTIONS.find((d) => d === event.target.value) ?? draft.direction })}
            >
              {DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {t(`harmony.direction.${direction}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('harmony.indicators.rateBasis')} hint={t(`harmony.rateBasisHint.${draft.rateBasis}`)} error={fields.rateBasis}>
          {(control) => (
            <select
              {...control}
              data-testid="indicator-rateBasis"
              value={draft.rateBasis}
              onChange={(event) => setDraft({ ...draft, rateBasis: RATE_BASES.find((b) => b === event.target.value) ?? draft.rateBasis })}
            >
              {RATE_BASES.map((basis) => (
                <option key={basis} value={basis}>
                  {t(`harmony.rateBasis.${basis}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {numberField('goalpostLower', t('harmony.methodology.lower'), t('harmony.indicators.goalpostsHint'))}
        {numberField('goalpostUpper', t('harmony.methodology.upper'))}
        {numberField('redLine', t('harmony.methodology.redLine'), t('harmony.indicators.redLineHint'))}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="indicator-submit" disabled={create.fetching}>
          {create.fetching ? t('harmony.indicators.creating') : t('harmony.indicators.createSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
