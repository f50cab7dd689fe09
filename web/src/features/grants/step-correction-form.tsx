import { grants } from '@massline/shared';
import { useState, type FormEvent } from 'react';
import { useFieldMessages } from '../../lib/error-message';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useGrantsI18n } from './grants-i18n';
import { CorrectGrantStepMutation } from './grants.operations';
import { correctionProblems, factsObject, type StepContext } from './step-check';
import { BrokenRule, FactInputs, factFields, factsOf, valuesOf } from './step-form';

interface StepCorrectionFormProps {
  /** The position of the step corrected in `context.steps`. */
  index: number;
  stepId: string;
  context: StepContext;
  onCorrected(): void;
  onCancel(): void;
}

/**
 * A correction of a recorded step: its date and facts as they stand, editable, and the reason (required).
 * The rule a correction would break shows before sending, with the same shared functions as a new step's;
 * the step as first recorded stays in its history.
 */
export function StepCorrectionForm({ index, stepId, context, onCorrected, onCancel }: StepCorrectionFormProps) {
  const { t } = useGrantsI18n();
  const recorded = context.steps[index];
  const step = recorded.step as grants.GrantRecordStep;
  const fields = factFields(step, context.method);
  const [date, setDate] = useState(recorded.date);
  const [values, setValues] = useState(() => valuesOf(fields, factsObject(recorded.facts)));
  const [reason, setReason] = useState('');
  const correct = useApiMutation(CorrectGrantStepMutation);
  const refused = useFieldMessages(correct.error);
  const facts = factsOf(fields, values);
  const broken = grants.isIsoDate(date) ? correctionProblems(index, date, facts, context) : [];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (broken.length > 0) return;
    if (await correct.run({ input: { stepId, date, facts, reason: reason.trim() } })) onCorrected();
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="grant-correction-title" data-testid="grant-correction-form">
      <h3 id="grant-correction-title">{t('grant.correctTitle', { step: t(`grantStep.${step}`) })}</h3>
      <FormAlert error={correct.error} />
      <div className="form-grid">
        <FormField label={t('grant.stepDate')} error={refused.date}>
          {(control) => (
            <input
              {...control}
              type="date"
              data-testid="grant-correction-date"
              value={date}
              onChange={(event) => setDate(event.target.value)}
            />
          )}
        </FormField>
        <FactInputs
          fields={fields}
          values={values}
          refused={refused}
          testIdPrefix="grant-correction-fact"
          onChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
        />
      </div>
      <FormField label={t('grant.correctReason')} hint={t('grant.correctReasonHint')} error={refused.reason}>
        {(control) => (
          <textarea
            {...control}
            required
            data-testid="grant-correction-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </FormField>
      <BrokenRule problems={broken} testId="grant-correction-rule" />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          data-testid="grant-correction-submit"
          disabled={correct.fetching || broken.length > 0 || reason.trim() === ''}
        >
          {t('grant.correctSubmit')}
        </button>
        <button type="button" className="button" data-testid="grant-correction-cancel" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
