import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ClientProvider } from './app/client-provider';
import { I18nProvider } from './app/i18n/i18n-provider';
import { AppRoutes } from './app/router';
import { SessionProvider } from './app/session-provider';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    {/* Nothing until the current language's core messages are there (one small chunk): no raw keys. */}
    <Suspense fallback={null}>
      <I18nProvider>
        <ClientProvider>
          <SessionProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </SessionProvider>
        </ClientProvider>
      </I18nProvider>
    </Suspense>
  </StrictMode>,
);
