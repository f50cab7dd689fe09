import { useQuery } from 'urql';
import { ErrorState, Loading } from '../../lib/states';
import { toggleTerm } from './campaign-draft';
import { CurrentTermsQuery } from './campaign.operations';
import { useEvaluationI18n } from './evaluation-i18n';
import { postTitle } from './evaluation-words';

/** A campaign names at most this many cadres: a ballot with more is not one a citizen finishes. */
const MAX_TERMS = 100;

interface TermPickerProps {
  regionId: string;
  termIds: string[];
  onChange(termIds: string[]): void;
  error?: string;
}

/** The cadres evaluated: picked among the current terms of the posts serving the campaign's region. */
export function TermPicker({ regionId, termIds, onChange, error }: TermPickerProps) {
  const { t, locale, formatDate } = useEvaluationI18n();
  const [{ data, fetching, error: loadError }, reexecute] = useQuery({
    query: CurrentTermsQuery,
    variables: { regionId, first: MAX_TERMS, after: null },
    pause: !regionId,
  });
  const terms = data?.terms.edges.map((edge) => edge.node) ?? [];
  return (
    <fieldset className="term-picker" data-testid="term-picker">
      <legend>{t('evaluation.campaign.cadres')}</legend>
      <p className="field-hint">{t('evaluation.editor.cadresHint', { count: termIds.length })}</p>
      {error && (
        <p className="field-error" data-testid="field-error">
          {error}
        </p>
      )}
      {!regionId && <p className="muted">{t('form.chooseRegion')}</p>}
      {!data && fetching && <Loading />}
      {loadError && <ErrorState error={loadError} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && terms.length === 0 && <p className="muted">{t('evaluation.editor.noTerms')}</p>}
      <ul className="plain-list term-options">
        {terms.map((term) => (
          <li key={term.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                data-testid="term-option"
                checked={termIds.includes(term.id)}
                onChange={() => onChange(toggleTerm(termIds, term.id))}
              />
              <span>
                <strong>{term.cadre.name}</strong> · {postTitle(locale, term.post)}{' '}
                <span className="muted">
                  {t('evaluation.editor.termDates', { from: formatDate(term.startsOn), to: formatDate(term.endsOn) })}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {data && data.terms.pageInfo.hasNextPage && (
        <p className="muted">{t('evaluation.editor.moreTerms', { count: data.terms.totalCount - terms.length })}</p>
      )}
    </fieldset>
  );
}
