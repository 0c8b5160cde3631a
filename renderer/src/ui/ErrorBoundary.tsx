/**
 * A failure while drawing one part of the window (a view's bug, data of an unexpected shape) is
 * shown there in French; the rest of the app (top bar, trail, other views) keeps working.
 * `resetKey` clears the error when the user moves elsewhere.
 */
import { Component, type ReactNode } from 'react';
import { Message } from './Message.tsx';

interface Props {
  resetKey: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { failed?: { key: string; message: string } }> {
  override state: { failed?: { key: string; message: string } } = {};

  static getDerivedStateFromError(error: unknown) {
    return { failed: { key: '', message: error instanceof Error ? error.message : String(error) } };
  }

  override componentDidCatch(error: unknown) {
    console.error('Palimpseste : erreur d’affichage', error);
    this.setState((state) => (state.failed ? { failed: { ...state.failed, key: this.props.resetKey } } : state));
  }

  override render() {
    const { failed } = this.state;
    if (failed && (failed.key === '' || failed.key === this.props.resetKey)) {
      return (
        <section className="article-pane">
          <Message title="Cette page n’a pas pu s’afficher" tone="error">
            Une erreur interne l’en a empêchée ({failed.message}). Le reste de l’application fonctionne : ouvrez un autre article, ou
            revenez en arrière (Alt+←).
          </Message>
        </section>
      );
    }
    return this.props.children;
  }
}
