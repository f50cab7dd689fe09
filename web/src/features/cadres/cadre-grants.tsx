import { grants as grantRules } from '@massline/shared';
import type { ResultOf } from '../../app/graphql';
import { useGrantsI18n } from '../grants/grants-i18n';
import { postTitle, useCadresI18n } from './cadres-i18n';
import type { CadreQuery } from './cadres.operations';

type GrantView = NonNullable<ResultOf<typeof CadreQuery>['cadre']>['grants'][number];

/**
 * A cadre's power grants: who granted (the body's name and kind), by what procedure (the method and the
 * steps done, each dated) and with what participation in substance (recommendation participants against
 * those entitled, interviews in inspection, objections received and how they were answered).
 */
export function CadreGrants({ grants }: { grants: readonly GrantView[] }) {
  const { t, locale } = useCadresI18n();
  // The grants' own words (method, status, body, step), loaded with the cadre page.
  const { t: grantWord } = useGrantsI18n();
  if (grants.length === 0) return <p className="muted">{t('cadre.noGrants')}</p>;
  return (
    <ul className="card-list" data-testid="cadre-grants">
      {grants.map((grant) => {
        const { participation } = grant;
        return (
          <li key={grant.id} className="card" data-testid="cadre-grant">
            <h3>
              {postTitle(grant.post ?? { title: '—', titleZh: '—' }, locale)} · {grantWord(`grantMethod.${grant.method}`)}{' '}
              <span className="badge">{grantWord(`grantStatus.${grant.status}`)}</span>
            </h3>
            <dl className="verdict-components">
              <dt>{t('cadreGrant.body')}</dt>
              <dd data-testid="grant-body">
                {grant.bodyName} ({grantWord(`bodyKind.${grant.bodyKind}`)})
              </dd>
              <dt>{t('cadreGrant.procedure')}</dt>
              <dd data-testid="grant-procedure">
                {t('cadreGrant.stepsDone', {
                  done: grant.steps.filter((step) => step.step !== 'PROBATION_END').length,
                  total: grantRules.GRANT_STEPS.length,
                })}
                : {grant.steps.map((step) => `${grantWord(`grantStep.${step.step}`)} ${step.date}`).join(' → ')}
              </dd>
              <dt>{t('cadreGrant.participation')}</dt>
              <dd data-testid="grant-participation">
                {participation.entitled !== null && participation.participants !== null
                  ? t('cadreGrant.recommendation', { participants: participation.participants, entitled: participation.entitled })
                  : t('cadreGrant.recommendationMissing')}
                {participation.interviews !== null && <> · {t('cadreGrant.interviews', { count: participation.interviews })}</>}
                {' · '}
                {t('cadreGrant.objections', {
                  count: participation.objections,
                  upheld: participation.upheld,
                  notUpheld: participation.notUpheld,
                  unanswered: participation.unanswered,
                })}
              </dd>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
