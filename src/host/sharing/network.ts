import { networkInterfaces } from 'node:os';

export interface NetworkAddress {
  readonly address: string;
  readonly interface: string;
  readonly internal: boolean;
}

/**
 * This machine's IPv4 addresses a session can be opened on: the LAN ones first, loopback last
 * (loopback is for trying things out on this laptop only).
 */
export function listAddresses(): NetworkAddress[] {
  const result: NetworkAddress[] = [];
  for (const [name, infos] of Object.entries(networkInterfaces())) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4') continue;
      result.push({ address: info.address, interface: name, internal: info.internal });
    }
  }
  return result.sort((a, b) => Number(a.internal) - Number(b.internal));
}

export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === 'localhost' || address === '::1';
}
