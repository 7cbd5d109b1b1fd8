/**
 * The time zone of the group's head office. The day of a group-wide record or figure that belongs to no one site
 * (a group course's due date, the portfolio "today", a group committee's meeting) is the day in this zone; a
 * site's own records use the site's zone.
 */
export const GROUP_TIME_ZONE = 'Asia/Taipei';
