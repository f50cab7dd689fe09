import { useAppAbility } from '../../app/access';
import { useHarmonyI18n } from './harmony-i18n';
import { useSession } from '../../app/session-provider';
import { ErrorState } from '../../lib/states';
import { GiniTools } from './gini-tools';
import { ObservationForm } from './observation-form';
import { ObservationList } from './observation-list';
import { useAssessedPeriods, useIndicatorCatalogue } from './use-harmony-data';

/**
 * Data entry: the form and the Gini tools for organizations, the observations of the jurisdiction with
 * their revisions and a CSV export for organizations and auditors (auditors read raw data, never write).
 */
export function ObservationsPage() {
  const { t } = useHarmonyI18n();
  const ability = useAppAbility();
  const { user } = useSession();
  const catalogue = useIndicatorCatalogue();
  const { periods } = useAssessedPeriods(user?.region.id);
  const canRecord = ability.can('create', 'Observation');
  return (
    <section className="page" data-testid="observations-page">
      <header className="page-header">
        <h1>{t(canRecord ? 'harmony.observations.title' : 'nav.observationsReadOnly')}</h1>
        <p className="page-intro">{t(canRecord ? 'harmony.observations.intro' : 'harmony.observations.introReadOnly')}</p>
      </header>
      {catalogue.error && <ErrorState error={catalogue.error} />}
      {canRecord && (
        <div className="two-columns">
          <ObservationForm catalogue={catalogue} periods={periods.map((entry) => entry.period)} />
          <GiniTools />
        </div>
      )}
      <ObservationList catalogue={catalogue} />
    </section>
  );
}
