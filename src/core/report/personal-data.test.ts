import { describe, expect, it } from 'vitest';
import { findPersonalData, luhnValid, maskDeep, maskPersonalData } from './personal-data';

const kinds = (text: string) => findPersonalData(text).map((f) => [f.kind, f.text]);

describe('the personal data scrubber', () => {
  it('finds personnummer in every written form, checked with Luhn', () => {
    // 811218-9876 is the Skatteverket test number; its check digit is valid.
    expect(luhnValid('8112189876')).toBe(true);
    expect(kinds('Ring om 811218-9876 idag')).toEqual([['personnummer', '811218-9876']]);
    expect(kinds('pnr 8112189876.')).toEqual([['personnummer', '8112189876']]);
    expect(kinds('19811218-9876')).toEqual([['personnummer', '19811218-9876']]);
    expect(kinds('198112189876')).toEqual([['personnummer', '198112189876']]);
    expect(kinds('Född 811218+9876 (över 100)')).toEqual([['personnummer', '811218+9876']]);
    // Samordningsnummer: day + 60.
    expect(luhnValid('7010632391')).toBe(true);
    expect(kinds('samordningsnr 701063-2391')).toEqual([['personnummer', '701063-2391']]);
  });

  it('does not flag a number with a wrong check digit, a date or an ordinary number', () => {
    expect(kinds('811218-9875')).toEqual([]);
    expect(kinds('Mötet 2026-11-23 kl 14, 12 deltagare, 1234567890 kronor')).toEqual([]);
    expect(kinds('Diarienummer 2026-1234')).toEqual([]);
  });

  it('finds Swedish phone numbers and e-mail addresses', () => {
    expect(kinds('Ring 070-123 45 67 eller 08-123 456 78')).toEqual([
      ['phone', '070-123 45 67'],
      ['phone', '08-123 456 78'],
    ]);
    expect(kinds('+46 70 123 45 67')).toEqual([['phone', '+46 70 123 45 67']]);
    expect(kinds('0046701234567')).toEqual([['phone', '0046701234567']]);
    expect(kinds('Mejla åsa.öberg@region.se eller anna+kö@vgregion.se.')).toEqual([
      ['email', 'åsa.öberg@region.se'],
      ['email', 'anna+kö@vgregion.se'],
    ]);
    expect(kinds('Mejla asa.oberg@region.se.')).toEqual([['email', 'asa.oberg@region.se']]);
  });

  it('masks what it finds and keeps the rest of the text', () => {
    expect(maskPersonalData('Anna 811218-9876, tel 0701234567, anna@example.se.', 'sv')).toBe(
      'Anna [personnummer borttaget], tel [telefonnummer borttaget], [e-postadress borttagen].',
    );
    expect(maskPersonalData('call 070 123 45 67', 'en')).toBe('call [phone number removed]');
    expect(maskDeep({ a: ['x 811218-9876'], 'key 811218-9876': 1 }, 'sv')).toEqual({ a: ['x [personnummer borttaget]'], 'key 811218-9876': 1 });
  });
});
