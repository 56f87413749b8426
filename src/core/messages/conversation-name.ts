/**
 * A channel name for an incident: `inc-42-checkout-is-failing`. Lowercase letters, digits and
 * dashes only (what Slack allows and Teams shows well), at most `max` characters, cut at a word.
 */
export function conversationName(number: number, title: string, max = 80): string {
  const prefix = `inc-${number}`;
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) return prefix;
  const room = max - prefix.length - 1;
  if (room <= 0) return prefix.slice(0, max);
  let cut = slug.slice(0, room);
  if (slug.length > room && slug[room] !== '-' && cut.includes('-')) cut = cut.slice(0, cut.lastIndexOf('-'));
  return `${prefix}-${cut.replace(/-+$/, '')}`;
}
