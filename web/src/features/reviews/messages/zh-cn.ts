import type { ReviewsMessageKey } from './en';

/** 复核提醒页面的文字（中文）。 */
export const reviewsZhCN: Record<ReviewsMessageKey, string> = {
  'reviews.title': '复核提醒',
  'reviews.intro': '任期评定为"不称职"时，提请授予其权力的机关复核所授之权。每条提醒都发给本机构：请复核，并在处理时说明处理情况。',
  'reviews.none': '没有发给本机构的复核提醒。',
  'reviews.column.cadre': '干部',
  'reviews.column.addressee': '提请对象',
  'reviews.column.verdict': '评定结论',
  'reviews.column.raisedAt': '发出时间',
  'reviews.column.status': '状态',
  'reviews.addressee.GRANTING_BODY': '授权机关：{body}',
  'reviews.addressee.POST_ORGANIZATION': '职位所属机构（未经授权记录登记）',
  'reviews.verdict': '{grade}，得分 {score}（95% 区间 {low}–{high}），设定第 {version} 版',
  'reviews.status.OPEN': '待处理',
  'reviews.status.RESOLVED': '已处理',
  'reviews.resolve': '处理',
  'reviews.resolveNote': '处理情况',
  'reviews.resolveSubmit': '处理该提醒',
  'reviews.resolved': '复核提醒已处理。',
  'reviews.openCadre': '干部页面',
};
