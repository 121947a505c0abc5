import * as AC from 'adaptivecards';

/**
 * Everything the Adaptive Cards parser has to say about a card, targeting 1.5: parse events (unknown
 * types, invalid values), validation events (duplicate ids, required inputs without label or error
 * message), and properties that did not survive a parse and serialize round trip (a misspelt property
 * is silently dropped by the parser, so only the round trip reveals it). Empty means clean.
 */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index++) {
    const event = context.getEventAt(index);
    problems.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  const roundTrip = card.toJSON(new AC.SerializationContext(AC.Versions.v1_5));
  problems.push(...lostInRoundTrip(json, roundTrip, '$'));
  return problems;
}

function lostInRoundTrip(original: unknown, serialized: unknown, path: string): string[] {
  if (Array.isArray(original)) {
    if (!Array.isArray(serialized) || serialized.length !== original.length)
      return [`round trip: ${path} changed`];
    return original.flatMap((item, index) => lostInRoundTrip(item, serialized[index], `${path}[${index}]`));
  }
  if (original !== null && typeof original === 'object') {
    if (serialized === null || typeof serialized !== 'object') return [`round trip: ${path} changed`];
    return Object.entries(original).flatMap(([key, value]) =>
      key in serialized
        ? lostInRoundTrip(value, (serialized as Record<string, unknown>)[key], `${path}.${key}`)
        : [`round trip: ${path}.${key} dropped by the parser`],
    );
  }
  return Object.is(original, serialized)
    ? []
    : [`round trip: ${path} is ${String(serialized)}, not ${String(original)}`];
}
