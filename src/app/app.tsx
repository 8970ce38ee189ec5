import { RouterProvider } from 'react-router';
import type { AppServices } from './app-services';
import { Providers } from './providers';

export function App({ services }: { services: AppServices }) {
  return (
    <Providers queryClient={services.queryClient} toasts={services.toasts}>
      <RouterProvider router={services.router} />
    </Providers>
  );
}
