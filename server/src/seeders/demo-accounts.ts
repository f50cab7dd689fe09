import type { CitizenStatus, UserRole } from '@massline/shared';

/** The demo accounts, as listed in the README. One password for all: this is demo data. */
export const DEMO_PASSWORD = 'massline-demo';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: UserRole;
  /** Jurisdiction (organization, auditor) or residence (citizen). */
  regionCode: string;
  citizenStatus?: CitizenStatus;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'province@massline.demo', displayName: '省委组织部 Provincial staff', role: 'ORGANIZATION', regionCode: '88' },
  { email: 'county@massline.demo', displayName: '东山县委组织部 Dongshan County staff', role: 'ORGANIZATION', regionCode: '880101' },
  { email: 'auditor@massline.demo', displayName: '江川市纪委 Jiangchuan City auditor', role: 'AUDITOR', regionCode: '8801' },
  { email: 'citizen@massline.demo', displayName: '李明 Li Ming', role: 'CITIZEN', regionCode: '880101001', citizenStatus: 'VERIFIED' },
  { email: 'newcomer@massline.demo', displayName: '王芳 Wang Fang', role: 'CITIZEN', regionCode: '880101002', citizenStatus: 'UNVERIFIED' },
];

/** A third party's token, documented so that a new user can try the API at once. */
export const DEMO_API_TOKEN = 'ml_de000001_MassLineDemoTokenForThirdParties';
