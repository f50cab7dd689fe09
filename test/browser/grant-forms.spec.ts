import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import { grants } from '@massline/shared';
import { chromiumAvailable, poll, clickNav, offeredNavLinks, openPage, signIn, startConsole, stopConsole } from '../support/browser';
import { CadresFixtures } from '../support/cadres-fixtures';
import { appointmentSteps, dayFrom, GrantsFixtures } from '../support/grants-fixtures';
import type { TestServer } from '../support/test-server';

describe.skipIf(!chromiumAvailable)(
  'the grants console’s forms: corrections, endings, the holiday calendar, my objections, pickers',
  () => {
    let server: TestServer;
    let browser: Browser;
    let fixtures: GrantsFixtures;
    let dongshanId: string;

    beforeAll(async () => {
      ({ server, browser } = await startConsole());
      const org = await server.as('orgIn');
      fixtures = new GrantsFixtures(org);
      dongshanId = await org.regionId('880101');
    });
    afterAll(() => stopConsole({ server, browser }));

    it('an organization corrects a recorded step: its facts pre-filled, the rule it would break shown before sending, then the history', async () => {
      const grantId = await fixtures.inNotice(dongshanId);
      const { page, errors } = await openPage(browser);
      await signIn(page, server.url, 'county@massline.demo');
      await page.goto(`${server.url}/grants/${grantId}`);
      const inspection = page.getByTestId('grant-step').nth(2);
      await inspection.getByTestId('grant-step-correct').click();
      const form = page.getByTestId('grant-correction-form');
      expect(await form.getByTestId('grant-correction-fact-interviews').inputValue()).toBe('42');
      expect(await form.getByTestId('grant-correction-fact-findings').inputValue()).toBe('Sound conduct');
      expect(await form.getByTestId('grant-correction-date').inputValue()).toBe(dayFrom(-13));

      // Before the recommendation (three days before it): the rule, nothing sent.
      await form.getByTestId('grant-correction-date').fill(dayFrom(-18));
      await form.getByTestId('grant-correction-reason').fill('The minutes give 40 interviews');
      await poll(() => form.getByTestId('grant-correction-rule').textContent()).toBe(
        `This would break a rule: ${dayFrom(-18)} is before the previous step (${dayFrom(-17)}).`,
      );
      expect(await form.getByTestId('grant-correction-submit').isDisabled()).toBe(true);
      // Without a reason, nothing is sent either.
      await form.getByTestId('grant-correction-date').fill(dayFrom(-12));
      await form.getByTestId('grant-correction-reason').fill('');
      expect(await form.getByTestId('grant-correction-submit').isDisabled()).toBe(true);

      await form.getByTestId('grant-correction-fact-interviews').fill('40');
      await form.getByTestId('grant-correction-reason').fill('The minutes give 40 interviews');
      await form.getByTestId('grant-correction-submit').click();
      await page.getByText('The correction was recorded; the step as first recorded stays in its history.').waitFor();
      await poll(() => inspection.locator('h3').textContent()).toBe(`Inspection · ${dayFrom(-12)} Corrected`);
      expect(await inspection.locator('.facts').first().textContent()).toContain('Interviews40');
      await inspection.getByTestId('grant-step-history').locator('summary').click();
      const history = await inspection.getByTestId('grant-step-history').textContent();
      expect(history).toContain('As first recorded');
      expect(history).toContain('Interviews42');
      expect(history).toContain('The minutes give 40 interviews');
      expect(await page.getByTestId('grant-participation').textContent()).toContain('40 interviews held in the inspection');
      expect(errors).toEqual([]);
    });

    it('an organization ends a grant in force; the page shows it ended and its term with it; the server’s refusal is shown', async () => {
      const grantId = await fixtures.inEffect(dongshanId);
      const inNotice = await fixtures.inNotice(dongshanId);
      const { page, errors } = await openPage(browser);
      await signIn(page, server.url, 'county@massline.demo');

      // Not in force: no ending offered.
      await page.goto(`${server.url}/grants/${inNotice}`);
      await page.getByTestId('grant-timeline').waitFor();
      expect(await page.getByTestId('grant-end-form').count()).toBe(0);

      await page.goto(`${server.url}/grants/${grantId}`);
      const form = page.getByTestId('grant-end-form');
      await form.getByTestId('grant-end-reason').selectOption('RESIGNATION');
      await form.getByTestId('grant-end-date').fill(dayFrom(-2));
      await form.getByTestId('grant-end-decided-by').fill('Dongshan County Committee');
      await form.getByTestId('grant-end-why').fill('Resigned for health reasons; accepted by the committee');
      await form.getByTestId('grant-end-submit').click();
      await page.getByText('The grant has ended, and its term with it.').waitFor();
      await poll(() => page.getByTestId('grant-status').textContent()).toBe('Ended');
      expect(await page.getByTestId('grant-ending').textContent()).toBe(
        `Resignation · ${dayFrom(-2)} · Dongshan County Committee: Resigned for health reasons; accepted by the committee`,
      );
      expect(await page.getByTestId('grant-term').textContent()).toContain(`ended ${dayFrom(-2)} (Resignation)`);
      expect(await page.getByTestId('grant-end-form').count()).toBe(0);

      // Ended meanwhile by someone else: the form still open here shows the server's refusal, in words.
      const other = await fixtures.inEffect(dongshanId);
      await page.goto(`${server.url}/grants/${other}`);
      await page.getByTestId('grant-end-form').waitFor();
      const org = await server.as('orgIn');
      await org.ok('mutation ($input: EndGrantInput!) { endGrant(input: $input) { id } }', {
        input: {
          grantId: other,
          reason: 'RECALL',
          endedOn: dayFrom(-1),
          decidedBy: 'Dongshan County Congress',
          why: 'Recalled by the voters',
        },
      });
      await form.getByTestId('grant-end-decided-by').fill('Dongshan County Committee');
      await form.getByTestId('grant-end-why').fill('Term served');
      await form.getByTestId('grant-end-submit').click();
      await poll(() => form.getByRole('alert').textContent()).toContain('This grant has ended.');
      expect(errors).toEqual([]);
    });

    it('the root region’s organization adds a holiday in the calendar editor; a notice of 5 working days becomes too short in the step form', async () => {
      const grantId = await fixtures.grant(dongshanId);
      await fixtures.record(grantId, appointmentSteps(-20));
      // A notice from the day after the decision lasting exactly 5 working days under the calendar as it stands.
      const start = dayFrom(-9);
      const year = Number(start.slice(0, 4));
      const anonymous = server.client();
      const calendarOfYears = async () => {
        const years = await Promise.all(
          [year, year + 1].map((y) =>
            anonymous.ok<{ workingCalendar: { holidays: { day: string }[]; makeUpDays: { day: string }[] } }>(
              'query ($year: Int!) { workingCalendar(year: $year) { holidays { day } makeUpDays { day } } }',
              { year: y },
            ),
          ),
        );
        const holidays = years.flatMap(({ workingCalendar }) => workingCalendar.holidays.map((d) => d.day));
        const makeUpDays = years.flatMap(({ workingCalendar }) => workingCalendar.makeUpDays.map((d) => d.day));
        return { holidays: new Set(holidays), makeUpDays: new Set(makeUpDays) };
      };
      const before = await calendarOfYears();
      const end = grants.endAfterWorkingDays(start, 5, before);
      let holiday = start;
      while (!grants.isWorkingDay(holiday, before)) holiday = grants.addDays(holiday, 1);

      const { page: county, errors: countyErrors } = await openPage(browser);
      await signIn(county, server.url, 'county@massline.demo');
      expect(await offeredNavLinks(county)).not.toContain('nav-calendar');
      const fillNotice = async () => {
        await county.goto(`${server.url}/grants/${grantId}`);
        await county.getByTestId('grant-step-date').fill(start);
        await county.getByTestId('grant-fact-end').fill(end);
      };
      await fillNotice();
      await poll(() => county.getByTestId('grant-step-submit').isDisabled()).toBe(false);
      expect(await county.getByTestId('grant-step-rule').count()).toBe(0);

      const { page, errors } = await openPage(browser);
      await signIn(page, server.url, 'province@massline.demo');
      await clickNav(page, 'nav-calendar');
      await page.getByTestId('calendar-year').fill(holiday.slice(0, 4));
      const monthDays = page.getByTestId('calendar-month-days').nth(Number(holiday.slice(5, 7)) - 1);
      await monthDays.waitFor();
      const daysBefore = Number(await monthDays.textContent());
      await page.getByTestId('calendar-add-kind').selectOption('holidays');
      await page.getByTestId('calendar-add-day').fill(holiday);
      await page.getByTestId('calendar-add-note').fill('Provincial day of mourning');
      await page.getByTestId('calendar-add-submit').click();
      await poll(() => monthDays.textContent()).toBe(String(daysBefore - 1));
      expect(await page.getByTestId('calendar-holidays').textContent()).toContain(`${holiday} Provincial day of mourning`);
      // The same day twice: shared's check names the row, and the calendar cannot be saved.
      await page.getByTestId('calendar-add-day').fill(holiday);
      await page.getByTestId('calendar-add-note').fill('Again');
      await page.getByTestId('calendar-add-submit').click();
      await poll(() => page.getByTestId('calendar-day-problem').textContent()).toBe(`${holiday} is listed twice.`);
      expect(await page.getByTestId('calendar-save').isDisabled()).toBe(true);
      await page.getByTestId('calendar-day').filter({ hasText: 'Again' }).getByTestId('calendar-day-remove').click();
      await page.getByTestId('calendar-save').click();
      await page.getByText(`The calendar of ${holiday.slice(0, 4)} was saved.`).waitFor();
      expect((await calendarOfYears()).holidays.has(holiday)).toBe(true);

      // The step form reads the server's calendar: the same notice is now 4 working days, refused before sending.
      await fillNotice();
      await poll(() => county.getByTestId('grant-step-rule').textContent()).toBe(
        `This would break a rule: ${start} to ${end} is 4 working days: a notice lasts at least 5.`,
      );
      expect(await county.getByTestId('grant-step-submit').isDisabled()).toBe(true);
      expect(errors).toEqual([]);
      expect(countyErrors).toEqual([]);
    });

    it('the create-grant form’s pickers search the server and page past the first 100, by keyboard', async () => {
      const org = await server.as('orgIn');
      const cadres = new CadresFixtures(org);
      const count = async () =>
        (
          await org.ok<{ posts: { totalCount: number } }>('query ($r: ID!) { posts(first: 1, filter: { regionId: $r }) { totalCount } }', {
            r: dongshanId,
          })
        ).posts.totalCount;
      // 25 posts whose titles sort after every other, and enough others that the jurisdiction holds more than 100.
      for (let batch = 0; batch < 5; batch++) {
        await Promise.all(
          Array.from({ length: 5 }, (_, i) => cadres.post(dongshanId, 'COUNTY', `Zz picker ${String(batch * 5 + i).padStart(3, '0')}`)),
        );
      }
      while ((await count()) <= 100) await Promise.all(Array.from({ length: 10 }, () => cadres.post(dongshanId)));
      const cadreName = `Zz 干部 ${Date.now()}`;
      await cadres.cadre(dongshanId, cadreName);
      const firstHundred = await org.ok<{ posts: { edges: { node: { title: string } }[] } }>(
        'query ($r: ID!) { posts(first: 100, filter: { regionId: $r }) { edges { node { title } } } }',
        { r: dongshanId },
      );
      expect(firstHundred.posts.edges.map(({ node }) => node.title)).not.toContain('Zz picker 024');

      const { page, errors } = await openPage(browser);
      await signIn(page, server.url, 'county@massline.demo');
      await clickNav(page, 'nav-grants');
      await page.getByTestId('grant-create-open').click();
      const post = page.getByTestId('grant-post');
      await post.fill('Zz picker');
      await poll(() => page.getByTestId('grant-post-option').count()).toBe(20);
      expect(await page.getByTestId('grant-post-more').textContent()).toBe('5 more: show the next ones');
      await page.getByTestId('grant-post-more').click();
      await poll(() => page.getByTestId('grant-post-option').count()).toBe(25);
      expect(await page.getByTestId('grant-post-more').count()).toBe(0);
      // By keyboard: narrow the search, arrow to the match, Enter.
      await post.fill('Zz picker 024');
      await poll(() => page.getByTestId('grant-post-option').allTextContents()).toEqual([expect.stringContaining('Zz picker 024')]);
      await post.press('ArrowDown');
      await post.press('ArrowUp');
      await post.press('Enter');
      expect(await post.inputValue()).toBe('Zz picker 024');

      const cadre = page.getByTestId('grant-cadre');
      await cadre.fill(cadreName.slice(0, 10));
      await poll(() => page.getByTestId('grant-cadre-option').first().textContent()).toContain(cadreName);
      await cadre.press('Enter');
      expect(await cadre.inputValue()).toBe(cadreName);
      await page.getByTestId('grant-body-name').fill('Dongshan County Committee');
      await page.getByTestId('grant-create-submit').click();
      await poll(() => page.getByTestId('grant-heading').textContent()).toBe(`Zz picker 024 · ${cadreName}`);
      expect(errors).toEqual([]);
    });

    it('a citizen files a named and an anonymous objection, the organization answers, and the citizen finds both answers', async () => {
      const grantId = await fixtures.inNotice(dongshanId);
      const { page, errors } = await openPage(browser);
      const requests: Request[] = [];
      page.on('request', (request) => requests.push(request));
      await signIn(page, server.url, 'citizen@massline.demo');
      await page.goto(`${server.url}/grants/${grantId}`);
      await page.getByTestId('objection-text').fill('He skipped the village hearing in March');
      await page.getByTestId('objection-submit').click();
      await page.getByText('Your objection was filed. The answer will show here.').waitFor();
      expect(await page.getByTestId('objection-receipt').count()).toBe(0);
      await page.getByTestId('objection-text').fill('His brother won the road contract');
      await page.getByTestId('objection-anonymous').check();
      await page.getByTestId('objection-submit').click();
      const receipt = (await page.getByTestId('objection-receipt').textContent()) ?? '';
      expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

      const { page: orgPage } = await openPage(browser);
      await signIn(orgPage, server.url, 'county@massline.demo');
      await orgPage.goto(`${server.url}/grants/${grantId}`);
      for (const reasons of ['He attended 9 of 10 hearings (minutes attached)', 'The contract went to open tender (file 12)']) {
        await orgPage.getByTestId('objection-answer-reasons').first().fill(reasons);
        await orgPage.getByTestId('objection-answer-submit').first().click();
        await poll(() => orgPage.getByTestId('objection-answer').allTextContents()).toContain(`Not upheld ${reasons}`);
      }

      await clickNav(page, 'nav-my-objections');
      const named = page.getByTestId('my-objection').filter({ hasText: 'He skipped the village hearing in March' });
      await poll(() => named.getByTestId('my-objection-answer').textContent()).toBe(
        'Not upheld He attended 9 of 10 hearings (minutes attached)',
      );
      expect(await named.textContent()).toContain('In public notice');
      expect(await page.getByTestId('my-objection').filter({ hasText: 'His brother won the road contract' }).count()).toBe(0);
      // The anonymous one, by its receipt typed loosely; the look-up carries no session.
      await page.getByTestId('receipt-lookup-code').fill(receipt.toLowerCase().replace(/-/g, ' '));
      await page.getByTestId('receipt-lookup-submit').click();
      const found = page.getByTestId('my-objection').filter({ hasText: 'His brother won the road contract' });
      await poll(() => found.getByTestId('my-objection-answer').textContent()).toBe(
        'Not upheld The contract went to open tender (file 12)',
      );
      const lookup = requests.find((request) => request.url().includes('ObjectionByReceipt'));
      expect(lookup).toBeDefined();
      expect((await lookup!.allHeaders()).cookie).toBeUndefined();
      expect(errors).toEqual([]);
    });

    it('at 375 px in 中文: a citizen’s objections and their answers, with no English', async () => {
      const grantId = await fixtures.inNotice(dongshanId);
      const citizen = await server.as('citizen');
      const { fileObjection } = await citizen.ok<{ fileObjection: { objection: { id: string } } }>(
        'mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { objection { id } } }',
        { input: { grantId, text: '推荐会没有提前公告', anonymous: false } },
      );
      const org = await server.as('orgIn');
      await org.ok('mutation ($input: AnswerObjectionInput!) { answerObjection(input: $input) { id } }', {
        input: { objectionId: fileObjection.objection.id, upheld: true, reasons: '经核实，推荐会未按规定公告' },
      });
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await signIn(page, server.url, 'citizen@massline.demo');
      await page.goto(`${server.url}/my-objections`);
      const mine = page.getByTestId('my-objection').filter({ hasText: '推荐会没有提前公告' });
      await poll(() => mine.getByTestId('my-objection-answer').textContent()).toBe('异议成立 经核实，推荐会未按规定公告');
      expect(await mine.textContent()).toContain('已终止');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const chrome = await page.locator('main').evaluate((main) => {
        const clone = main.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[data-testid="my-objection"], input').forEach((node) => node.remove());
        return clone.textContent ?? '';
      });
      expect(chrome).not.toMatch(/[A-Za-z]{3,}/);
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
