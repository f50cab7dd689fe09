import type { AuditMessageKey } from './en';

/** 简体中文。键与 en.ts 完全一致（类型检查保证）。 */
export const auditZhCN: Record<AuditMessageKey, string> = {
  'actorKind.USER': '用户',
  'actorKind.API_TOKEN': 'API 令牌',
  'actorKind.ANONYMOUS': '匿名',
  'actorKind.SYSTEM': '系统',

  'audit.title': '审计日志',
  'audit.intro': '您管辖范围内的每一项变更，最新的在前。任何人都不能修改。',
  'audit.time': '时间',
  'audit.action': '操作',
  'audit.actor': '操作人',
  'audit.subject': '对象',
  'audit.subjectType': '对象类型',
  'audit.subjectId': '对象 ID',
  'audit.regionPath': '地区路径',
  'audit.requestId': '请求',
  'audit.clientRequestId': '客户端请求 ID',
  'audit.from': '起始日期',
  'audit.to': '截止日期（含）',
  'audit.changes': '变更内容',
  'audit.show': '展开',
  'audit.hide': '收起',
  'audit.before': '变更前',
  'audit.after': '变更后',
  'audit.none': '没有符合条件的记录。',
};
