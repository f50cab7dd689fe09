import { lazyPage, type Feature } from '../../app/feature';
import { EVALUATION } from '../../app/navigation-groups';

/**
 * Mass evaluation of cadres in the console. Campaigns are read by whoever the server lets read them
 * (organizations and auditors of the jurisdiction, citizens of the region, the public once published);
 * organizations create and run them; verified citizens vote, see their campaigns and participation; anyone
 * who reads campaigns may check a receipt.
 */
export const evaluationFeature: Feature = {
  id: 'evaluation',
  routes: [
    {
      path: 'campaigns',
      page: lazyPage(
        () => import('./campaigns-page'),
        (m) => m.CampaignsPage,
      ),
      access: ({ ability }) => ability.can('read', 'Campaign'),
      nav: { group: EVALUATION, label: 'nav.campaigns', testId: 'nav-campaigns' },
    },
    {
      path: 'campaigns/new',
      page: lazyPage(
        () => import('./campaign-editor-page'),
        (m) => m.CampaignEditorPage,
      ),
      access: ({ ability }) => ability.can('create', 'Campaign'),
      title: 'title.newCampaign',
    },
    {
      path: 'campaigns/:id',
      page: lazyPage(
        () => import('./campaign-page'),
        (m) => m.CampaignPage,
      ),
      access: ({ ability }) => ability.can('read', 'Campaign'),
      title: 'title.campaign',
    },
    {
      path: 'campaigns/:id/edit',
      page: lazyPage(
        () => import('./campaign-editor-page'),
        (m) => m.CampaignEditorPage,
      ),
      access: ({ ability }) => ability.can('update', 'Campaign'),
      title: 'title.editCampaign',
    },
    {
      path: 'campaigns/:id/vote',
      page: lazyPage(
        () => import('./ballot-page'),
        (m) => m.BallotPage,
      ),
      access: ({ ability }) => ability.can('vote', 'Campaign'),
      title: 'title.ballot',
    },
    {
      path: 'campaigns/:id/results',
      page: lazyPage(
        () => import('./results-page'),
        (m) => m.ResultsPage,
      ),
      access: ({ ability }) => ability.can('read', 'Campaign'),
      title: 'title.campaignResults',
    },
    {
      path: 'my-campaigns',
      page: lazyPage(
        () => import('./my-campaigns-page'),
        (m) => m.MyCampaignsPage,
      ),
      access: ({ ability }) => ability.can('vote', 'Campaign'),
      nav: { group: EVALUATION, label: 'nav.myCampaigns', testId: 'nav-my-campaigns' },
    },
    {
      path: 'my-participation',
      page: lazyPage(
        () => import('./my-participation-page'),
        (m) => m.MyParticipationPage,
      ),
      access: ({ ability }) => ability.can('vote', 'Campaign'),
      nav: { group: EVALUATION, label: 'nav.myParticipation', testId: 'nav-my-participation' },
    },
    {
      path: 'receipt',
      page: lazyPage(
        () => import('./receipt-check-page'),
        (m) => m.ReceiptCheckPage,
      ),
      access: ({ ability }) => ability.can('read', 'Campaign'),
      nav: { group: EVALUATION, label: 'nav.receiptCheck', testId: 'nav-receipt-check' },
    },
  ],
  messages: {
    en: () => import('./messages/en').then((m) => m.evaluationEn),
    'zh-CN': () => import('./messages/zh-cn').then((m) => m.evaluationZhCN),
  },
};
