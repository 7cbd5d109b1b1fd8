import { createTheme, type MantineThemeOverride, Modal, PasswordInput, Table } from '@mantine/core';
import type { TFunction } from 'i18next';

/** Steward's look: Mantine defaults, a blue primary, system fonts with CJK fallbacks. */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang TC", "Microsoft JhengHei", "Noto Sans TC", "Noto Sans CJK TC", sans-serif',
  headings: { fontWeight: '650' },
});

/** The theme with the labels Mantine's components carry themselves, in the user's language. */
export function localizedTheme(t: TFunction): MantineThemeOverride {
  return {
    ...theme,
    components: {
      Table: Table.extend({ defaultProps: { fz: 'sm' } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('signIn.showPassword') } },
      }),
    },
  };
}
