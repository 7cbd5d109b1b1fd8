import type { Icon } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';

export type NavItem = {
  /** The i18n key of the label. */
  label: ParseKeys;
  to: string;
  icon: Icon;
  /** Shown only when the session holds this permission somewhere. */
  permission?: string;
  /** Shown only to accounts that belong to this kind of person (a contractor worker's own pages). */
  person?: 'employee' | 'contractor_worker';
  /** Shown only to accounts granted a record of one of these kinds (the external role's own pages). */
  granted?: readonly string[];
  /**
   * To an account that holds no role (a person outside the company), shown only when it is granted a record of
   * one of these kinds; an empty list hides the item from such accounts (a page for employees alone).
   */
  outsiders?: readonly string[];
  /** Active only on its own address, not on the pages below it. */
  exact?: boolean;
  children?: NavItem[];
};

export type NavSection = { label?: ParseKeys; items: NavItem[] };
