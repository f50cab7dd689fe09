import { evaluation } from '@massline/shared';
import { useState } from 'react';
import { ConfirmButton } from '../../lib/confirm-button';
import { FormAlert, FormNotice } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { CloseCampaignMutation, OpenCampaignMutation, PublishCampaignMutation } from './campaign.operations';
import { useEvaluationI18n } from './evaluation-i18n';

interface CampaignActionsProps {
  campaign: { id: string; status: evaluation.CampaignStatus; actions: readonly evaluation.CampaignAction[] };
  /** After a move: the page asks for the campaign again (turnout, results). */
  onMoved(): void;
}

/**
 * The buttons of the transition table: the moves its row allows from the campaign's state, of which the
 * caller may make those the API lists in `actions`. Each asks first: opening freezes the campaign and
 * notifies every verified resident; closing ends the vote; publishing shows the results to everyone.
 */
export function CampaignActions({ campaign, onMoved }: CampaignActionsProps) {
  const { t } = useEvaluationI18n();
  const open = useApiMutation(OpenCampaignMutation);
  const close = useApiMutation(CloseCampaignMutation);
  const publish = useApiMutation(PublishCampaignMutation);
  const [done, setDone] = useState<evaluation.CampaignAction | null>(null);
  const run = { OPEN: open, CLOSE: close, PUBLISH: publish } as const;
  const moves = evaluation.campaignActionsFrom(campaign.status).filter((action) => campaign.actions.includes(action));
  const busy = open.fetching || close.fetching || publish.fetching;

  const act = async (action: evaluation.CampaignAction) => {
    setDone(null);
    for (const mutation of Object.values(run)) mutation.clearError();
    const result = await run[action].run({ id: campaign.id });
    if (result) {
      setDone(action);
      onMoved();
    }
  };

  const error = open.error ?? close.error ?? publish.error;
  if (moves.length === 0 && !done && !error) return null;
  return (
    <div className="campaign-actions" data-testid="campaign-actions">
      <FormAlert error={error} />
      {done && <FormNotice>{t(`evaluation.action.done.${done}`)}</FormNotice>}
      <div className="row-actions">
        {moves.map((action) => (
          <ConfirmButton
            key={action}
            label={t(`evaluation.action.${action}`)}
            question={t(`evaluation.action.question.${action}`)}
            confirmLabel={t(`evaluation.action.${action}`)}
            disabled={busy}
            testId={`campaign-${action.toLowerCase()}`}
            onConfirm={() => act(action)}
          />
        ))}
      </div>
    </div>
  );
}
