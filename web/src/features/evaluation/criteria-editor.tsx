import { criteriaEdits, defaultCriteria, type CriterionDraft } from './campaign-draft';
import { useEvaluationI18n } from './evaluation-i18n';

interface CriteriaEditorProps {
  criteria: CriterionDraft[];
  onChange(criteria: CriterionDraft[]): void;
  /** Messages per criterion field, keyed `criteria.<index>.<field>` (as the API names them), or `criteria` for the list. */
  errors: Record<string, string>;
}

/**
 * The campaign's criteria, in ballot order: each with its code and its name in both languages, movable
 * up and down, removable; new ones added at the end; the default livelihood list one click away.
 */
export function CriteriaEditor({ criteria, onChange, errors }: CriteriaEditorProps) {
  const { t } = useEvaluationI18n();
  const field = (index: number, name: string) => errors[`criteria.${index}.${name}`];
  return (
    <fieldset className="criteria-editor" data-testid="criteria-editor">
      <legend>{t('evaluation.campaign.criteria')}</legend>
      <p className="field-hint">{t('evaluation.editor.criteriaHint')}</p>
      {errors.criteria && (
        <p className="field-error" data-testid="field-error">
          {errors.criteria}
        </p>
      )}
      <ol className="criteria-list">
        {criteria.map((criterion, index) => (
          <li key={index} className="criterion-row" data-testid="criterion-row">
            <label className="criterion-field">
              <span>{t('evaluation.editor.criterionEn')}</span>
              <input
                data-testid="criterion-en"
                value={criterion.en}
                aria-invalid={field(index, 'en') ? true : undefined}
                onChange={(event) => onChange(criteriaEdits.update(criteria, index, { en: event.target.value }))}
              />
              {field(index, 'en') && <small className="field-error">{field(index, 'en')}</small>}
            </label>
            <label className="criterion-field">
              <span>{t('evaluation.editor.criterionZh')}</span>
              <input
                data-testid="criterion-zh"
                value={criterion.zhCN}
                aria-invalid={field(index, 'zhCN') ? true : undefined}
                onChange={(event) => onChange(criteriaEdits.update(criteria, index, { zhCN: event.target.value }))}
              />
              {field(index, 'zhCN') && <small className="field-error">{field(index, 'zhCN')}</small>}
            </label>
            <label className="criterion-field criterion-code">
              <span>{t('evaluation.editor.criterionCode')}</span>
              <input
                className="mono"
                data-testid="criterion-code"
                value={criterion.code}
                aria-invalid={field(index, 'code') ? true : undefined}
                onChange={(event) => onChange(criteriaEdits.update(criteria, index, { code: event.target.value }))}
              />
              {field(index, 'code') && <small className="field-error">{field(index, 'code')}</small>}
            </label>
            <div className="criterion-moves">
              <button
                type="button"
                className="button button-small"
                aria-label={t('evaluation.editor.moveUp')}
                title={t('evaluation.editor.moveUp')}
                disabled={index === 0}
                onClick={() => onChange(criteriaEdits.move(criteria, index, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button-small"
                aria-label={t('evaluation.editor.moveDown')}
                title={t('evaluation.editor.moveDown')}
                disabled={index === criteria.length - 1}
                onClick={() => onChange(criteriaEdits.move(criteria, index, 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="button button-small button-danger"
                data-testid="criterion-remove"
                onClick={() => onChange(criteriaEdits.remove(criteria, index))}
              >
                {t('evaluation.editor.remove')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="row-actions">
        <button type="button" className="button" data-testid="criterion-add" onClick={() => onChange(criteriaEdits.add(criteria))}>
          {t('evaluation.editor.addCriterion')}
        </button>
        <button type="button" className="button" onClick={() => onChange(defaultCriteria())}>
          {t('evaluation.editor.defaultCriteria')}
        </button>
      </div>
    </fieldset>
  );
}
