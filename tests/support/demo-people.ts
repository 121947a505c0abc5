import { DEMO_PEOPLE, type DemoPerson } from '../../src/demo-tenant/sample-people.js';

/** The demo tenant's person named `displayName` ("Lee Gu"); a name the tenant lacks fails loudly. */
export function demoPerson(displayName: string): DemoPerson {
  const found = DEMO_PEOPLE.find((person) => person.displayName === displayName);
  if (!found) throw new Error(`the demo tenant has no person named "${displayName}"`);
  return found;
}
