import * as random from 'lib0/random';

/**
 * A short random id for items inside a document (notes, steps).
 * Uses lib0's getRandomValues-based generator, which exists in insecure (plain http LAN)
 * contexts where `crypto.randomUUID` does not.
 */
export function createItemId(): string {
  return random.uuidv4().replace(/-/g, '').slice(0, 16);
}
