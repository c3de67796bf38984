import type { RequestHandler } from 'express';
import { currentUser, type Access } from '../accounts/access.js';
import { forbidden } from '../accounts/errors.js';
import { canEditCouncil } from '../accounts/rules.js';
import { findCampaignByCode } from '../study/store.js';

// An admin, or an HR lead of the council whose campaign is named by :code. Signing in (and the
// CSRF check on changes) is the accounts feature's own guard; this adds the campaign's council.
export function campaignManager(access: Pick<Access, 'signedIn'>): RequestHandler {
  return async (req, res, next) => {
    let signedIn = false;
    await access.signedIn(req, res, () => {
      signedIn = true;
    });
    if (!signedIn) return;
    const campaign = await findCampaignByCode(String(req.params.code), { pilotCode: 1 });
    if (!campaign || !canEditCouncil(currentUser(res), campaign.pilotCode))
      throw forbidden('Only an admin or an HR lead of this council can manage its invitations.');
    next();
  };
}
