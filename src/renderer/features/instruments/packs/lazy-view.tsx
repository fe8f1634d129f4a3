import { Component, Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { useT } from '../../../i18n';
import { Notice } from '../../../ui/notice';
import { Loading } from '../../../ui/spinner';

/** A chunk that fails to load (the app was updated, the host restarted) shows a notice, not a blank screen. */
class LoadBoundary extends Component<{ readonly children: ReactNode }, { readonly failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

function LoadFailed() {
  const t = useT();
  return (
    <Notice tone="warning" role="alert">
      <p>{t('connection.lazyFailed')}</p>
    </Notice>
  );
}

/**
 * A view loaded only when first shown, with its own Suspense boundary so the screen around it
 * never blanks. The facilitator's, projector's and planning views of an instrument go through this:
 * the phone's bundle carries only the participant view.
 */
export function lazyView<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  const Lazy = lazy(load);
  function LazyView(props: P) {
    return (
      <LoadBoundary>
        <Suspense fallback={<Loading />}>
          <Lazy {...props} />
        </Suspense>
      </LoadBoundary>
    );
  }
  return LazyView;
}
