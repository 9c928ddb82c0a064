import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';

export function NotFoundRoute() {
  return (
    <main className="page-center">
      <EmptyState title="Page not found" icon="warning">
        <p>
          There is nothing at this address. <Link to="/">Go to the console</Link>.
        </p>
      </EmptyState>
    </main>
  );
}
