import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStatusPageConfig, stableId } from './status-page-config';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-status-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: unknown): string {
  const path = join(dir, `config-${++n}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const env = { name: 'Acme Status', components: ['Checkout', 'Product images', 'Campaign management', 'Public API'] };

describe('loadStatusPageConfig', () => {
  it('works from the environment alone: the name, and the components in their order, ungrouped', () => {
    const s = loadStatusPageConfig(undefined, env);
    expect(s.name).toBe('Acme Status');
    expect(s.zone).toBe('UTC');
    expect(s.components.map((c) => [c.name, c.group, c.description])).toEqual([
      ['Checkout', null, null],
      ['Product images', null, null],
      ['Campaign management', null, null],
      ['Public API', null, null],
    ]);
    expect(s.groups).toEqual([]);
  });

  it('reads the commented example in the repository', () => {
    const s = loadStatusPageConfig('status-page.example.json', env);
    expect(s.zone).toBe('Europe/Paris');
    expect(s.homepage).toBe('https://www.example.com');
    expect(s.groups.map((g) => g.name)).toEqual(['Storefront', 'Back office']);
    expect(s.components.map((c) => `${c.group ?? '-'}/${c.name}`)).toEqual([
      'Storefront/Checkout',
      'Storefront/Product images',
      'Back office/Campaign management',
      '-/Public API',
    ]);
    expect(s.components[0]).toMatchObject({ description: 'Basket, payment and order confirmation', link: 'https://www.example.com/help/checkout', showcase: true, onlyShowIfDegraded: false });
  });

  it('gives each component an id that depends on its name only', () => {
    const a = loadStatusPageConfig(undefined, env).components[0]!;
    const b = loadStatusPageConfig(file({ components: [{ name: 'Public API' }, { name: 'Checkout', group: 'Shop' }] }), env).components[1]!;
    expect(a.name).toBe('Checkout');
    expect(b.name).toBe('Checkout');
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^[0-9a-f]{12}$/);
    expect(stableId('component', 'Checkout')).toBe(a.id);
    expect(stableId('component', 'checkout')).not.toBe(a.id);
  });

  it('lists the file components first, then the other COMPONENTS; groups appear as components name them', () => {
    const s = loadStatusPageConfig(file({ components: [{ name: 'Public API', group: 'Developers' }] }), env);
    expect(s.components.map((c) => c.name)).toEqual(['Public API', 'Checkout', 'Product images', 'Campaign management']);
    expect(s.groups.map((g) => g.name)).toEqual(['Developers']);
  });

  it('defines the components itself when COMPONENTS is empty', () => {
    const s = loadStatusPageConfig(file({ components: [{ name: 'Search' }] }), { name: 'X', components: [] });
    expect(s.components.map((c) => c.name)).toEqual(['Search']);
  });

  it.each([
    [{ components: [{ name: 'Checkout' }, { name: 'Public API' }, { name: 'Product images', group: 7 }] }, 'STATUS_PAGE_CONFIG: components[2].group must be a string'],
    [{ components: [{ group: 'Shop' }] }, 'STATUS_PAGE_CONFIG: components[0].name is required'],
    [{ components: [{ name: '  ' }] }, 'STATUS_PAGE_CONFIG: components[0].name must not be empty'],
    [{ components: [{ name: 'Checkout', colour: 'red' }] }, 'STATUS_PAGE_CONFIG: components[0] has an unknown field "colour"'],
    [{ component: [] }, 'STATUS_PAGE_CONFIG: the file has an unknown field "component"'],
    [{ components: { name: 'Checkout' } }, 'STATUS_PAGE_CONFIG: components must be a list'],
    [{ components: [{ name: 'Checkout', link: 'javascript:alert(1)' }] }, 'STATUS_PAGE_CONFIG: components[0].link must be an http:// or https:// address'],
    [{ components: [{ name: 'Checkout', onlyShowIfDegraded: 'yes' }] }, 'STATUS_PAGE_CONFIG: components[0].onlyShowIfDegraded must be true or false'],
    [{ timeZone: 'Mars/Olympus' }, 'STATUS_PAGE_CONFIG: timeZone must be an IANA time zone such as Europe/Paris or UTC'],
    [{ groups: [{ name: 'Shop', order: 1 }] }, 'STATUS_PAGE_CONFIG: groups[0] has an unknown field "order"'],
    [{ components: [{ name: 'Billing' }] }, 'STATUS_PAGE_CONFIG: components[0].name "Billing" is not one of COMPONENTS (Checkout, Product images, Campaign management, Public API)'],
    [{ components: [{ name: 'Checkout' }, { name: 'Checkout' }] }, 'STATUS_PAGE_CONFIG: components[1].name "Checkout" is listed twice'],
    [{ groups: [{ name: 'Shop' }], components: [{ name: 'Checkout', group: 'Shopp' }] }, 'STATUS_PAGE_CONFIG: components[0].group "Shopp" is not one of groups[].name'],
    [[1, 2], 'STATUS_PAGE_CONFIG: the file must be a JSON object'],
  ])('refuses %j with one sentence naming the field', (content, message) => {
    expect(() => loadStatusPageConfig(file(content), env)).toThrowError(new Error(message));
  });

  it('says when the file is missing or not JSON', () => {
    expect(() => loadStatusPageConfig(join(dir, 'absent.json'), env)).toThrowError(/^STATUS_PAGE_CONFIG: cannot read .*absent\.json \(no such file\)$/);
    expect(() => loadStatusPageConfig(file('{ "components": [ // no comments in JSON\n] }'), env)).toThrowError(/^STATUS_PAGE_CONFIG: .*config-\d+\.json is not valid JSON \(/);
  });
});
