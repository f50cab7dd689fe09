import type { cadres } from '@massline/shared';
import type { Change } from '../../common/domain-events';

interface TermWritten {
  cadreId: string;
  postId: string;
  startsOn: string;
  endsOn: string;
}

/** The events of the cadres module, by type (each named after the audit action it leaves). */
export interface CadresEvents {
  'cadre.create': Change<null, { name: string; regionId: string }>;
  'post.create': Change<null, { title: string; titleZh: string; level: cadres.PostLevel; regionId: string; organizationId: string }>;
  'term.create': Change<null, TermWritten>;
  'term.end': Change<{ endedOn: null }, { endedOn: string; endReason: cadres.TermEndReason }>;
}
