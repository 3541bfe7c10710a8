import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Colours with enough contrast for axe's AA checks on white; the primary shade is the darker one.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});

/** Descriptions (dimmed) in gray 7 and field errors in red 9: Mantine's defaults fall short of AA on white (axe). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
