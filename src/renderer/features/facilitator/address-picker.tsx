import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ShareResponse } from '../../../contracts/http';
import { errorCodeOf, type ApiErrorCode } from '../../api/api-error';
import { getNetwork, shareSession } from '../../api/facilitator-api';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { useAsync } from './use-async';

export interface AddressPickerProps {
  readonly token: string;
  readonly sessionId: string;
  readonly onShared: (share: ShareResponse) => void;
}

/** A radio list of this computer's addresses; the first one that is not internal is chosen. */
export function AddressPicker({ token, sessionId, onShared }: AddressPickerProps) {
  const t = useT();
  const load = useCallback(() => getNetwork(token), [token]);
  const [network] = useAsync(load);
  const [address, setAddress] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorCode | null>(null);

  useEffect(() => {
    if (network.kind !== 'ready' || address !== null) return;
    const list = network.value.addresses;
    const preferred = list.find((a) => !a.internal) ?? list[0];
    if (preferred) setAddress(preferred.address);
  }, [network, address]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onShared(await shareSession(token, sessionId, address ?? undefined));
    } catch (failure) {
      setError(errorCodeOf(failure));
      setBusy(false);
    }
  }

  if (network.kind === 'loading') return <Loading />;
  if (network.kind === 'error') {
    return (
      <Notice tone="error" role="alert">
        <p>{t(`error.${network.code}`)}</p>
      </Notice>
    );
  }
  const addresses = network.value.addresses;
  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      {addresses.length === 0 ? (
        <Notice tone="warning">
          <p>{t('share.noAddresses')}</p>
        </Notice>
      ) : (
        <fieldset className="address-list">
          <legend className="field-label">{t('share.addressLegend')}</legend>
          <p className="field-hint">{t('share.addressHint')}</p>
          {addresses.map((entry) => (
            <label key={`${entry.interface}-${entry.address}`} className="radio-option">
              <input
                type="radio"
                name="address"
                value={entry.address}
                checked={address === entry.address}
                onChange={() => setAddress(entry.address)}
              />
              <span>
                <span className="radio-title">{entry.address}</span>
                <span className="muted small">
                  {entry.interface}
                  {entry.internal ? ` · ${t('share.addressInternal')}` : ''}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {error ? (
        <Notice tone="error" role="alert">
          <p>{t(`error.${error}`)}</p>
        </Notice>
      ) : null}
      <Button type="submit" size="large" busy={busy} disabled={addresses.length === 0}>
        {busy ? t('share.opening') : t('share.start')}
      </Button>
    </form>
  );
}
