import type { Config } from './config';
import { DomainEvents } from '../common/domain-events';
import { ApiTokenService } from '../modules/accounts/api-token.service';
import { AuthService } from '../modules/accounts/auth.service';
import { OrganizationService } from '../modules/accounts/organization.service';
import { UserService } from '../modules/accounts/user.service';
import { AuditService } from '../modules/audit/audit.service';
import { RegionService } from '../modules/regions/region.service';
import { AlertService } from '../modules/harmony/alert.service';
import { AssessmentService } from '../modules/harmony/assessment.service';
import { GiniService } from '../modules/harmony/gini.service';
import { IndicatorService } from '../modules/harmony/indicator.service';
import { MethodologyService } from '../modules/harmony/methodology.service';
import { ObservationService } from '../modules/harmony/observation.service';
import { SensitivityService } from '../modules/harmony/sensitivity.service';

/** The services, created once per server; stateless but for configuration and the event bus. */
export function createServices(config: Config) {
  const events = new DomainEvents();
  // The audit module subscribes first, so every other listener sees an audited change.
  const audit = new AuditService(events);
  const observations = new ObservationService(events);
  const assessments = new AssessmentService(events);
  return {
    events,
    audit,
    auth: new AuthService(config, events),
    users: new UserService(events),
    organizations: new OrganizationService(events),
    apiTokens: new ApiTokenService(events),
    regions: new RegionService(events),
    harmony: {
      indicators: new IndicatorService(events),
      observations,
      gini: new GiniService(observations),
      methodology: new MethodologyService(events),
      assessments,
      alerts: new AlertService(events),
      sensitivity: new SensitivityService(assessments),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
