import { Link } from 'react-router';
import type { ResultOf } from '../../app/graphql';
import { useHarmonyI18n } from './harmony-i18n';
import type { DashboardViewQuery } from './dashboard.operations';
import { ChangeMark, GradeBadge, PendingRevisionBadge, UnpublishedBadge } from './harmony-badges';
import { formatIndex, formatShare, indicatorName, type IndicatorNames } from './harmony-format';

type DashboardView = ResultOf<typeof DashboardViewQuery>;
type CurrentAssessment = DashboardView['current']['edges'][number]['node'];

interface DashboardSummaryProps {
  region: NonNullable<DashboardView['region']>;
  assessment: CurrentAssessment | undefined;
  period: string;
  catalogue: ReadonlyMap<string, IndicatorNames>;
  /** The periods in which this region has figures the caller may see, newest first: offered when this period has none. */
  periodsWithData: readonly { code: string; href: string }[];
}

/**
 * Where the figures stand against their publication: for the organization, the published figure a
 * pending revision will replace; for everybody, a published revision's date and note, and the figure
 * it replaced (as statistics agencies print revisions).
 */
function ReleaseNotes({ assessment }: { assessment: CurrentAssessment }) {
  const { t, locale, formatDate } = useHarmonyI18n();
  const { release, previousRelease } = assessment;
  if (!release) return null;
  return (
    <>
      {assessment.pendingRevision && (
        <p className="muted" data-testid="pending-revision-detail">
          {t('harmony.pendingRevisionOf', {
            published: formatIndex(locale, release.index),
            working: formatIndex(locale, assessment.index),
          })}
        </p>
      )}
      {release.revision > 1 && (
        <p className="revision-note" data-testid="revision-note">
          {release.note
            ? t('harmony.revisedOn', { date: formatDate(release.publishedAt), note: release.note })
            : t('harmony.revisedOnNoNote', { date: formatDate(release.publishedAt) })}
          {previousRelease && (
            <span className="muted"> {t('harmony.previouslyPublished', { index: formatIndex(locale, previousRelease.index) })}</span>
          )}
        </p>
      )}
    </>
  );
}

/** The region's own figures for the period: index, grade, change, rank among its siblings, coverage. */
export function DashboardSummary({ region, assessment, period, catalogue, periodsWithData }: DashboardSummaryProps) {
  const { t, locale, regionName } = useHarmonyI18n();
  return (
    <section className="card summary-card" data-testid="region-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">
        {/* The period of the figures shown (while another period loads, these are still the previous one's). */}
        {regionName(region)} <span className="muted">· {assessment?.period ?? period}</span>
      </h2>
      <p className="muted summary-level">
        {t(`level.${region.level}`)} · <span className="mono">{region.code}</span>
      </p>
      {!assessment ? (
        <>
          <p className="muted">{t('harmony.noAssessment')}</p>
          {periodsWithData.length > 0 ? (
            <p data-testid="periods-with-data">
              {t('harmony.periodsWithData')}{' '}
              {periodsWithData.map((other, i) => (
                <span key={other.code}>
                  {i > 0 && ', '}
                  <Link to={other.href}>{other.code}</Link>
                </span>
              ))}
            </p>
          ) : (
            <p className="muted">{t('harmony.noPeriodsWithData')}</p>
          )}
        </>
      ) : (
        <>
          <div className="summary-headline">
            <span className="summary-index" aria-label={t('harmony.indexIs', { index: formatIndex(locale, assessment.index) })}>
              {formatIndex(locale, assessment.index)}
            </span>
            <GradeBadge grade={assessment.grade} />
            {!assessment.published && <UnpublishedBadge />}
            {assessment.pendingRevision && <PendingRevisionBadge />}
          </div>
          <ReleaseNotes assessment={assessment} />
          <dl className="details-list summary-details">
            <dt>{t('harmony.changeLabel')}</dt>
            <dd>
              <ChangeMark change={assessment.change} />
              {assessment.previousIndex !== null && (
                <span className="muted"> {t('harmony.fromPrevious', { index: formatIndex(locale, assessment.previousIndex) })}</span>
              )}
            </dd>
            {assessment.rank !== null && assessment.siblingCount !== null && assessment.siblingCount > 1 && (
              <>
                <dt>{t('harmony.rank')}</dt>
                <dd>{t('harmony.rankOf', { rank: assessment.rank, count: assessment.siblingCount })}</dd>
              </>
            )}
            <dt>{t('harmony.coverage')}</dt>
            <dd>
              {formatShare(locale, assessment.coverage)}{' '}
              {assessment.complete ? (
                <span className="badge badge-active">{t('harmony.complete')}</span>
              ) : (
                <span className="badge badge-unverified">{t('harmony.incomplete')}</span>
              )}
            </dd>
            {assessment.missing.length > 0 && (
              <>
                <dt>{t('harmony.missing')}</dt>
                <dd>{assessment.missing.map((code) => indicatorName(catalogue, code, locale)).join(locale === 'en' ? ', ' : '、')}</dd>
              </>
            )}
            <dt>{t('harmony.method')}</dt>
            <dd>
              {t(`harmony.assessmentMethod.${assessment.method}`)} ·{' '}
              {t('harmony.methodologyVersion', { version: assessment.methodologyVersion })}
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}
