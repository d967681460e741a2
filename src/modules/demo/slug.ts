/** The demo case's slug: the case file and its media find the case by it. */
export const DEMO_SLUG = 'sednaya-2024';
