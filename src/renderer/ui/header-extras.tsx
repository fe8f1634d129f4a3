import { createContext, useContext, type ReactNode } from 'react';

const HeaderExtras = createContext<ReactNode>(null);

/**
 * Puts extra controls into every AppHeader below it (e.g. the facilitator's "Hjälp"), without the
 * screens that render the header having to pass them along.
 */
export function HeaderExtrasProvider({ extras, children }: { readonly extras: ReactNode; readonly children: ReactNode }) {
  return <HeaderExtras.Provider value={extras}>{children}</HeaderExtras.Provider>;
}

export function useHeaderExtras(): ReactNode {
  return useContext(HeaderExtras);
}
