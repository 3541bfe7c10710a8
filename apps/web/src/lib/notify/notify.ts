import { notifications, type NotificationData } from '@mantine/notifications';
import { i18next } from '../i18n/i18n';

/**
 * A notification (Mantine's) whose close button is named in the user's language: unnamed, it is a button
 * without a name, which axe counts as a critical violation.
 */
export function notify(data: NotificationData): string {
  return notifications.show({
    ...data,
    closeButtonProps: { 'aria-label': i18next.t('actions.close', { ns: 'common' }), ...data.closeButtonProps },
  });
}
