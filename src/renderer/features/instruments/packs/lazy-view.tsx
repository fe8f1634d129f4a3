import { Suspense, lazy, type ComponentType } from 'react';
import { Loading } from '../../../ui/spinner';

/**
 * A view loaded only when first shown, with its own Suspense boundary so the screen around it
 * never blanks. The facilitator's, projector's and planning views of an instrument go through this:
 * the phone's bundle carries only the participant view.
 */
export function lazyView<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  const Lazy = lazy(load);
  function LazyView(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyView;
}
