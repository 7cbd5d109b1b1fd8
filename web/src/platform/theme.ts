import { createTheme, type MantineThemeOverride } from '@mantine/core';
import type { TFunction } from 'i18next';

/** Steward's look: Mantine defaults, a blue primary, system fonts with CJK fallbacks. */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang TC", "Microsoft JhengHei", "Noto Sans TC", "Noto Sans CJK TC", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // A badge shows its whole text: it neither shrinks in a row nor cuts its label with an ellipsis
    // (a status such as "Investigating" read "INVESTIGAT…" in a narrow column).
    Badge: {
      styles: {
        root: { flexShrink: 0, overflow: 'visible', maxWidth: 'none' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    },
  },
});

/** The theme with the labels Mantine's components carry themselves, in the user's language. */
export function localizedTheme(t: TFunction): MantineThemeOverride {
  return {
    ...theme,
    components: {
      ...theme.components,
      // Plain objects rather than `Component.extend(…)`, which would put every component named here in the
      // first page's JavaScript.
      Table: { defaultProps: { fz: 'sm' } },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
      PasswordInput: {
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('signIn.showPassword') } },
      },
    },
  };
}
