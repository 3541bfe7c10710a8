import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CaseDetail } from '../api/case.types';
import { CASE_TABS, visibleTabs, type CaseTab } from '../api/case-rules';
import { CarePlanTab } from './care-plan-tab';
import { FollowUpTab } from './follow-up-tab';
import { PlacementTab } from './placement-tab';
import { ReferralsTab } from './referrals-tab';
import { ReviewsTab } from './reviews-tab';
import { ScreeningExplanation } from './screening-explanation';
import { SummaryTab } from './summary-tab';
import { TimelineTab } from './timeline-tab';
import { VisaTab } from './visa-tab';

/** One tab per part of the case the API returned to this user (keyboard: arrows between tabs). The open tab is in the URL. */
export function CaseTabs({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('case');
  const [params, setParams] = useSearchParams();
  const tabs = visibleTabs(c);
  const asked = CASE_TABS.find((tab) => tab === params.get('tab'));
  const active = asked && tabs.includes(asked) ? asked : tabs[0];
  const panel = (tab: CaseTab) => {
    switch (tab) {
      case 'summary': return <SummaryTab c={c} />;
      case 'screening': return <ScreeningExplanation screening={c.screening ?? null} />;
      case 'reviews': return <ReviewsTab caseId={c.id} fromCase={c.reviews ?? []} />;
      case 'referrals': return <ReferralsTab caseId={c.id} />;
      case 'placement': return <PlacementTab referrals={c.referrals ?? []} />;
      case 'carePlan': return <CarePlanTab plan={c.carePlan} />;
      case 'visa': return <VisaTab visa={c.visa} />;
      case 'followUp': return <FollowUpTab followUp={c.followUp} />;
      case 'timeline': return <TimelineTab caseId={c.id} />;
    }
  };
  return (
    <Tabs
      value={active}
      onChange={(tab) => {
        const next = new URLSearchParams(params);
        if (tab) next.set('tab', tab);
        setParams(next, { replace: true });
      }}
      keepMounted={false}
    >
      <Tabs.List aria-label={t('tabs.label')}>
        {tabs.map((tab) => <Tabs.Tab key={tab} value={tab}>{t(`tabs.${tab}`)}</Tabs.Tab>)}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab} value={tab} pt="md">
          {panel(tab)}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
