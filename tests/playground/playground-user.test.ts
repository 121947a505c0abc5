import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src/demo-tenant/sample-people.js';
import { playgroundUserFromArgs } from '../../src/playground/playground-config.js';

const named = (argv: string[]) => {
  const choice = playgroundUserFromArgs(argv);
  return choice.kind === 'person' ? choice.person.displayName : choice;
};

describe('npm run dev -- --as <person>', () => {
  it('without the flag: the first demo person', () => {
    expect(named(['--playground'])).toBe(DEMO_PEOPLE[0]?.displayName);
  });

  it.each([
    [['--playground', '--as', 'isaiah'], 'Isaiah Langer'],
    [['--as', 'Isaiah Langer', '--playground'], 'Isaiah Langer'],
    [['--as=LEEG'], 'Lee Gu'],
    [['--as', 'lee'], 'Lee Gu'],
    [['--as', '  Megan  '], 'Megan Bowen'],
  ])('%j → %s', (argv, name) => {
    expect(named(argv)).toBe(name);
  });

  it.each([[['--as', 'mallory']], [['--as']], [['--as=']], [['--as', 'Isaiah Smith']]])(
    '%j names nobody: the answer lists who there is',
    (argv) => {
      const choice = playgroundUserFromArgs(argv);
      expect(choice.kind).toBe('unknown');
      if (choice.kind === 'unknown') expect(choice.people).toContain('Isaiah Langer');
    },
  );
});
