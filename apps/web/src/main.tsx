import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { Provider } from 'urql';
import { createApiClient } from './client';
import { App } from './app';
import './styles.css';

// A data router (one route that renders the app's own <Routes>): it lets a form with unsaved text hold a
// navigation and ask first (useBlocker), which the plain BrowserRouter cannot.
const router = createBrowserRouter([{ path: '*', element: <App /> }]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={createApiClient()}>
      <RouterProvider router={router} />
    </Provider>
  </StrictMode>,
);
