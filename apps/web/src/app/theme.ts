import { createTheme } from '@mantine/core';

// Colours with enough contrast for axe's AA checks on white; the primary shade is the darker one.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});
