import { defineModule, resolver } from '../../app/module-manifest';
import { readById } from '../../common/loaders';
import { AppraisalRecordService } from './appraisal-record.service';
import { MassEvaluationRepository } from './mass-evaluation.repository';
import { InspectionResolver, SpecialAuditResolver } from './appraisal.resolver';
import { Inspection } from './inspection.entity';
import { Migration20261129190000Appraisal } from './migrations/Migration20261129190000Appraisal';
import { SpecialAudit } from './special-audit.entity';
import { VerdictSettings } from './verdict-settings.entity';
import { TermVerdictResolver } from './term-verdict.resolver';
import { VerdictResolver } from './verdict.resolver';
import { VerdictService } from './verdict.service';

export interface AppraisalServices {
  records: AppraisalRecordService;
  verdicts: VerdictService;
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
  }),
  resolvers: [
    resolver(InspectionResolver, (s: AppraisalServices) => new InspectionResolver(s.records)),
    resolver(SpecialAuditResolver, (s: AppraisalServices) => new SpecialAuditResolver(s.records)),
    resolver(VerdictResolver, (s: AppraisalServices) => new VerdictResolver(s.verdicts)),
    resolver(TermVerdictResolver, (s: AppraisalServices) => new TermVerdictResolver(s.verdicts)),
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
});
