export {
  APPRAISAL_TEXT_LIMITS,
  REPORTED_GROWTH_RANGE,
  inspectionProblems,
  specialAuditProblems,
  type InspectionInput,
  type InspectionProblems,
  type RecordDates,
  type SpecialAuditInput,
  type SpecialAuditProblems,
} from './records';
export { verdictSettingsProblems } from './verdict-settings';
