import { defineModule, resolver } from '../../app/module-manifest';
import { Alert } from './alert.entity';
import { AlertService } from './alert.service';
import { assessmentRecomputation } from './assessment-recomputation.listener';
import { Assessment } from './assessment.entity';
import { AssessmentService } from './assessment.service';
import { GiniService } from './gini.service';
import { seedDemoHarmony } from './harmony.demo-seed';
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
import { Migration20261201143710MethodologyNames } from './migrations/Migration20261201143710MethodologyNames';
import { ObservationRevision } from './observation-revision.entity';
import { Observation } from './observation.entity';
import { ObservationService } from './observation.service';
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
  entities: [Indicator, Observation, ObservationRevision, MethodologyVersion, Assessment, Alert],
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
  listeners: () => [assessmentRecomputation],
  migrations: [
    { name: 'Migration20261126010000Harmony', class: Migration20261126010000Harmony },
    { name: 'Migration20261126020000AssessmentStorage', class: Migration20261126020000AssessmentStorage },
    { name: 'Migration20261129000100HarmonyDatabaseTime', class: Migration20261129000100HarmonyDatabaseTime },
    { name: 'Migration20261130000100ObservationRevisionUnique', class: Migration20261130000100ObservationRevisionUnique },
    { name: 'Migration20261201143710MethodologyNames', class: Migration20261201143710MethodologyNames },
  ],
  // What the server's runtime role may not rewrite (app/database-roles.ts): corrections append revisions;
  // a methodology version is immutable but for its activation.
  appendOnlyTables: ['observation_revision'],
  guardedColumns: { methodology_version: ['active', 'activated_at'] },
  seedDemo: seedDemoHarmony,
});
