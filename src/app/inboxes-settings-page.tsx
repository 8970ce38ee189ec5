import { useLoaderData } from 'react-router';
import { can } from '../api/can';
import { api } from '../api/endpoints';
import type { User } from '../contract/auth';
import { SendForecastSection } from '../features/forecasts/components/send-forecast-section';
import { InboxesPage } from '../features/inboxes/components/inboxes-page';

export interface InboxesSettingsPageData {
  user: User;
}

/** Settings → inboxes: the user's sending inboxes, then the send forecast of those inboxes.
 * Composed here because features do not import each other. */
export function InboxesSettingsPage() {
  const { user } = useLoaderData<InboxesSettingsPageData>();
  return (
    <>
      <InboxesPage />
      {/* Marketers send no sequence email: they have no forecast to act on. */}
      {can(api.spreadSends, user) ? <SendForecastSection user={user} owner="me" /> : null}
    </>
  );
}
