/** Seeded generator of hostile text: what attackers, broken clients and bad pastes send. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  'declare', 'note', 'update', 'identified', 'resolve', 'severity', 'sev1', 'sev9', 'impact', 'major', 'action', 'done', 'lead', 'assign',
  'INC-1', 'INC-999999999', 'at', '14:23', '25:99', '2024-02-30', 'PST', 'Mars/Olympus', '@alice', '<@U0ALICE001>', '<at>Eve</at>',
  '<script>alert(1)</script>', "'; drop table incidents; --", '" OR 1=1 --', '$(rm -rf /)', '%s%n%x', '{{constructor.constructor("x")()}}',
  '<!channel>', '<!here|here>', '<https://evil.example|click>', '*bold* _it_ ~s~ `code`', '[click](javascript:alert(1))',
  '{"type":"section","text":{"type":"mrkdwn","text":"<!channel>"}}', '{"type":"AdaptiveCard","body":[{"type":"Input.Text"}]}',
  '\u0000', '\u0007', '\u001b[31m', '\u202e', '\ufeff', '\ud800', '\udfff', '\ufffd', '😀', 'ﷺ', 'Ṱ̺̺̕o͞', '\r\n', '\t',
];

export function hostileLine(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const roll = random();
  if (roll < 0.03) return pick(FRAGMENTS).repeat(1 + Math.floor(random() * 5000));
  if (roll < 0.06) return Array.from({ length: Math.floor(random() * 300) }, () => String.fromCharCode(Math.floor(random() * 0xffff))).join('');
  const parts = ['/incident'];
  const n = 1 + Math.floor(random() * 10);
  for (let i = 0; i < n; i++) parts.push(pick(FRAGMENTS));
  return parts.join(pick([' ', ' ', ' ', '  ', '\n', '\t']));
}
