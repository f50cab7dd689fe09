import { defineModule, resolver } from '../../app/module-manifest';
import { listenersOf } from '../../common/domain-events';
import { PublicationEpochRepository } from '../../common/publication-epoch.repository';
import type { AppraisalEvents } from './appraisal.events';
import { readById } from '../../common/loaders';
import { AppraisalRecordService } from './appraisal-record.service';
import { seedDemoAppraisal } from './appraisal.demo-seed';
import { MassEvaluationRepository } from './mass-evaluation.repository';
import { InspectionResolver, SpecialAuditResolver } from './appraisal.resolver';
import { Inspection } from './inspection.entity';
import { Migration20261129190000Appraisal } from './migrations/Migration20261129190000Appraisal';
import { SpecialAudit } from './special-audit.entity';
import { VerdictSettings } from './verdict-settings.entity';
import { VerdictSettingsResolver } from './verdict-settings.resolver';
import { VerdictSettingsService } from './verdict-settings.service';
import { TermVerdictResolver } from './term-verdict.resolver';
import { VerdictResolver } from './verdict.resolver';
import { VerdictService } from './verdict.service';

export interface AppraisalServices {
  records: AppraisalRecordService;
  verdicts: VerdictService;
  verdictSettings: VerdictSettingsService;
}

/**
 * The appraisal of a cadre's term beside mass evaluation: organizational inspections, special audits,
 * and the verdict that combines them with the term's published mass satisfaction (PRODUCT.md,
 * "Mechanism 2"), under versioned thresholds.
 */
export const appraisalModule = defineModule({
  name: 'appraisal',
  dependsOn: ['cadres', 'evaluation'],
  entities: [Inspection, SpecialAudit, VerdictSettings],
  createServices: ({ events }): AppraisalServices => ({
    records: new AppraisalRecordService(events),
    verdicts: new VerdictService((em, termIds) => new MassEvaluationRepository(em).latestPublishedByTerm(termIds)),
    verdictSettings: new VerdictSettingsService(events),
  }),
  resolvers: [
    resolver(InspectionResolver, (s: AppraisalServices) => new InspectionResolver(s.records)),
    resolver(SpecialAuditResolver, (s: AppraisalServices) => new SpecialAuditResolver(s.records)),
    resolver(VerdictResolver, (s: AppraisalServices) => new VerdictResolver(s.verdicts)),
    resolver(VerdictSettingsResolver, (s: AppraisalServices) => new VerdictSettingsResolver(s.verdictSettings)),
    resolver(TermVerdictResolver, (s: AppraisalServices) => new TermVerdictResolver(s.verdicts)),
  ],
  // The verdict settings are public: a new version, or another in force, moves the public cache and ETags on.
  listeners: () => [
    listenersOf<AppraisalEvents>().batch(
      'appraisal.publication-epoch',
      'react',
      ['verdict-settings.create', 'verdict-settings.activate'],
      async (em) => new PublicationEpochRepository(em).bump(),
    ),
  ],
  nodes: () => ({
    Inspection: (context, id) => readById(context, Inspection, 'Inspection', id, ['term', 'region']),
    SpecialAudit: (context, id) => readById(context, SpecialAudit, 'SpecialAudit', id, ['term', 'region']),
    VerdictSettings: (context, id) => readById(context, VerdictSettings, 'VerdictSettings', id),
  }),
  migrations: [{ name: 'Migration20261129190000Appraisal', class: Migration20261129190000Appraisal }],
  // Inspections and audits are history: a later record supersedes, none is rewritten. A settings version
  // is immutable but for being put in force.
  appendOnlyTables: ['inspection', 'special_audit'],
  guardedColumns: { verdict_settings: ['active', 'activated_at'] },
  seedDemo: seedDemoAppraisal,
});
