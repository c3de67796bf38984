export type CampaignStatus = 'scheduled' | 'open' | 'closed';

// Days are compared as YYYY-MM-DD strings in UK time: a wave "closes on" the last day it accepts.
export function campaignStatus(
  wave: { opensOn: string; closesOn: string },
  closedManually: boolean,
  today: string,
): CampaignStatus {
  if (closedManually || today > wave.closesOn) return 'closed';
  if (today < wave.opensOn) return 'scheduled';
  return 'open';
}
