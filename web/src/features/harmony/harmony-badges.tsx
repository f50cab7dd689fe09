import { useHarmonyI18n } from './harmony-i18n';
import { formatChange, gradeName, type GradeCode } from './harmony-format';

/** A grade's marks: colour AND a shape AND the grade's name, so that no reader depends on colour. */
const GRADE_MARKS: Record<GradeCode, string> = {
  HARMONIOUS: '●',
  BASICALLY_HARMONIOUS: '◐',
  ATTENTION: '▲',
  WARNING: '✖',
};

export function GradeBadge({ grade }: { grade: GradeCode | null }) {
  const { t, locale } = useHarmonyI18n();
  if (!grade) {
    return (
      <span className="badge grade-badge grade-none" data-testid="grade-badge">
        {t('harmony.noGrade')}
      </span>
    );
  }
  return (
    <span className={`badge grade-badge grade-${grade.toLowerCase().replace('_', '-')}`} data-testid="grade-badge" data-grade={grade}>
      <span aria-hidden="true" className="grade-mark">
        {GRADE_MARKS[grade]}
      </span>
      {gradeName(grade, locale)}
    </span>
  );
}

/** ▲ +1.2 / ▼ −0.4, with a spoken label ("up 1.2 points"). */
export function ChangeMark({ change }: { change: number | null | undefined }) {
  const { t, locale } = useHarmonyI18n();
  const formatted = formatChange(locale, change);
  if (!formatted) return <span className="muted">—</span>;
  // Said in words without the sign: "down 1.1 points".
  const spoken = t(`harmony.change.${formatted.direction}`, { points: formatted.text.replace(/^[+−]/, '') });
  return (
    <span className={`change change-${formatted.direction}`} title={spoken}>
      <span aria-hidden="true">{formatted.arrow} </span>
      <span className="visually-hidden">{spoken}</span>
      <span aria-hidden="true">{formatted.text}</span>
    </span>
  );
}

/**
 * Shown beside figures that changed since they were published (a correction): the public still sees the
 * release, whose figure (`published`, when given) is written beside it, old beside new.
 */
export function PendingRevisionBadge({ published }: { published?: string }) {
  const { t } = useHarmonyI18n();
  return (
    <>
      <span className="badge badge-unpublished" data-testid="pending-revision">
        {t('harmony.pendingRevision')}
      </span>
      {published && <small className="muted"> {published}</small>}
    </>
  );
}

/** Shown beside figures an organization or auditor sees before they are published. */
export function UnpublishedBadge() {
  const { t } = useHarmonyI18n();
  return <span className="badge badge-unpublished">{t('harmony.unpublished')}</span>;
}
