import { toGlobalId } from '../../common/global-id';
import type { UploadRoute } from '../../common/upload';
import type { GiniResult } from './dto/harmony.outputs';
import type { HarmonyServices } from './harmony.module';

/**
 * The harmony module's files too large for a GraphQL request, streamed to `POST /uploads/<name>` as
 * text/csv. Each answers what its mutation answers: `observations` the ObservationImportReport of
 * `importObservations`; `gini-microdata` (query string: regionId, period, source) the GiniResult of
 * `computeGiniFromMicrodata`, its observation with the fields a client shows (ids as the API gives them).
 */
export const harmonyUploads = (s: HarmonyServices): UploadRoute[] => [
  { name: 'observations', allow: ['create', 'Observation'], handle: (context, upload) => s.observations.importUpload(context, upload) },
  {
    name: 'gini-microdata',
    allow: ['create', 'Observation'],
    handle: async (context, upload) => giniAnswer(await s.gini.fromMicrodataUpload(context, upload)),
  },
];

function giniAnswer({ observation, ...result }: GiniResult) {
  const region = observation.region;
  return {
    ...result,
    observation: {
      id: toGlobalId('Observation', observation.id),
      period: observation.period,
      indicatorCode: observation.indicator.code,
      value: observation.value,
      method: observation.method,
      revision: observation.revision,
      source: observation.source ?? null,
      region: { id: toGlobalId('Region', region.id), code: region.code, name: region.name, nameEn: region.nameEn },
    },
  };
}
