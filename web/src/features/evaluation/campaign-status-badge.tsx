import type { evaluation } from '@massline/shared';
import { useEvaluationI18n } from './evaluation-i18n';

/** A campaign's state in words (never colour alone): draft, open, closed, published. */
export function CampaignStatusBadge({ status }: { status: evaluation.CampaignStatus }) {
  const { t } = useEvaluationI18n();
  return (
    <span className={`badge campaign-status campaign-status-${status.toLowerCase()}`} data-testid="campaign-status" data-status={status}>
      {t(`evaluation.status.${status}`)}
    </span>
  );
}
