import { defineModule, resolver } from '../../app/module-manifest';
import { readById } from '../../common/loaders';
import { Alert } from './alert.entity';
import { AlertService } from './alert.service';
import { assessmentRecomputation } from './assessment-recomputation.listener';
import { Assessment } from './assessment.entity';
import { AssessmentRelease } from './assessment-release.entity';
import { AssessmentService } from './assessment.service';
import { GiniService } from './gini.service';
import { releaseDemoHarmony, seedDemoHarmony } from './harmony.demo-seed';
import { harmonyUploads } from './harmony.uploads';
import { AlertResolver } from './alert.resolver';
import { AssessmentResolver } from './assessment.resolver';
import { IndicatorResolver } from './indicator.resolver';
import { MethodologyResolver } from './methodology.resolver';
import { ObservationResolver } from './observation.resolver';
import { Indicator } from './indicator.entity';
import { IndicatorService } from './indicator.service';
import { MethodologyVersion } from './methodology-version.entity';
import { MethodologyService } from './methodology.service';
import { Migration20261126010000Harmony } from './migrations/Migration20261126010000Harmony';
import { Migration20261126020000AssessmentStorage } from './migrations/Migration20261126020000AssessmentStorage';
import { Migration20261129000100HarmonyDatabaseTime } from './migrations/Migration20261129000100HarmonyDatabaseTime';
import { Migration20261130000100ObservationRevisionUnique } from './migrations/Migration20261130000100ObservationRevisionUnique';
import { Migration20261201047310AssessmentRelease } from './migrations/Migration20261201047310AssessmentRelease';
import { Migration20261201093715AlertRuns } from './migrations/Migration20261201093715AlertRuns';
import { Migration20261201143517PublicationEpoch } from './migrations/Migration20261201143517PublicationEpoch';
import { Migration20261201143710MethodologyNames } from './migrations/Migration20261201143710MethodologyNames';
import { Migration20261201203918KeysetHarmony } from './migrations/Migration20261201203918KeysetHarmony';
import { Migration20261202174310PublicRankIndex } from './migrations/Migration20261202174310PublicRankIndex';
import { Migration20261203094127CampaignObservationMethod } from './migrations/Migration20261203094127CampaignObservationMethod';
import { Migration20261203211742PublicRankOrder } from './migrations/Migration20261203211742PublicRankOrder';
import { ObservationRevision } from './observation-revision.entity';
import { Observation } from './observation.entity';
import { ObservationService } from './observation.service';
import { PublicationEpoch } from './publication-epoch.entity';
import { publicationEpochListeners } from './publication-epoch.listener';
import { SensitivityService } from './sensitivity.service';

export interface HarmonyServices {
  indicators: IndicatorService;
  observations: ObservationService;
  gini: GiniService;
  methodology: MethodologyService;
  assessments: AssessmentService;
  alerts: AlertService;
  sensitivity: SensitivityService;
}

/** The harmony index: indicators, observations, methodology versions, assessments and their alerts. */
export const harmonyModule = defineModule({
  name: 'harmony',
  entities: [Indicator, Observation, ObservationRevision, MethodologyVersion, Assessment, AssessmentRelease, Alert, PublicationEpoch],
  createServices: ({ events }): HarmonyServices => {
    const observations = new ObservationService(events);
    const assessments = new AssessmentService(events);
    return {
      indicators: new IndicatorService(events),
      observations,
      gini: new GiniService(observations),
      methodology: new MethodologyService(events),
      assessments,
      alerts: new AlertService(events),
      sensitivity: new SensitivityService(assessments),
    };
  },
  resolvers: [
    resolver(IndicatorResolver, (s: HarmonyServices) => new IndicatorResolver(s.indicators)),
    resolver(ObservationResolver, (s: HarmonyServices) => new ObservationResolver(s.observations, s.gini)),
    resolver(MethodologyResolver, (s: HarmonyServices) => new MethodologyResolver(s.methodology)),
    resolver(AssessmentResolver, (s: HarmonyServices) => new AssessmentResolver(s.assessments, s.sensitivity)),
    resolver(AlertResolver, (s: HarmonyServices) => new AlertResolver(s.alerts)),
  ],
  nodes: (s: HarmonyServices) => ({
    Indicator: (context, id) => readById(context, Indicator, 'Indicator', id),
    Observation: (context, id) => readById(context, Observation, 'Observation', id, ['region']),
    MethodologyVersion: (context, id) => s.methodology.get(context, id),
    Alert: (context, id) => readById(context, Alert, 'Alert', id, ['region']),
    SensitivityRun: (context, id) => s.sensitivity.get(context, id),
  }),
  listeners: () => [assessmentRecomputation, ...publicationEpochListeners],
  uploads: harmonyUploads,
  migrations: [
    { name: 'Migration20261126010000Harmony', class: Migration20261126010000Harmony },
    { name: 'Migration20261126020000AssessmentStorage', class: Migration20261126020000AssessmentStorage },
    { name: 'Migration20261129000100HarmonyDatabaseTime', class: Migration20261129000100HarmonyDatabaseTime },
    { name: 'Migration20261130000100ObservationRevisionUnique', class: Migration20261130000100ObservationRevisionUnique },
    { name: 'Migration20261201047310AssessmentRelease', class: Migration20261201047310AssessmentRelease },
    { name: 'Migration20261201093715AlertRuns', class: Migration20261201093715AlertRuns },
    { name: 'Migration20261201143517PublicationEpoch', class: Migration20261201143517PublicationEpoch },
    { name: 'Migration20261201143710MethodologyNames', class: Migration20261201143710MethodologyNames },
    { name: 'Migration20261201203918KeysetHarmony', class: Migration20261201203918KeysetHarmony },
    { name: 'Migration20261202174310PublicRankIndex', class: Migration20261202174310PublicRankIndex },
    { name: 'Migration20261203094127CampaignObservationMethod', class: Migration20261203094127CampaignObservationMethod },
    { name: 'Migration20261203211742PublicRankOrder', class: Migration20261203211742PublicRankOrder },
  ],
  // What the server's runtime role may not rewrite (app/database-roles.ts): corrections append revisions;
  // a methodology version is immutable but for its activation; a published release is never rewritten;
  // the publication epoch only ever moves on (never deleted, only its number updated).
  appendOnlyTables: ['observation_revision', 'assessment_release'],
  guardedColumns: { methodology_version: ['active', 'activated_at'], publication_epoch: ['epoch'] },
  seedDemo: seedDemoHarmony,
  finishDemo: releaseDemoHarmony,
});
