import { createTheme, Notification, type CSSVariablesResolver } from '@mantine/core';

// Colours with enough contrast for axe's AA checks on white; the primary shade is the darker one.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  components: {
    // A notification's text in gray 8: Mantine's gray 6 is 3.3:1 on white, short of AA (axe, issue 20).
    Notification: Notification.extend({ styles: { description: { color: 'var(--mantine-color-gray-8)' } } }),
  },
});

/** Descriptions (dimmed) in gray 7 and field errors in red 9: Mantine's defaults fall short of AA on white (axe). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
