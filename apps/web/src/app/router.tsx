import { createBrowserRouter } from 'react-router';
import { AppLayout } from './app-layout';
import { ErrorPage } from './error-page';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';

/**
 * Every screen is its own chunk, loaded when first opened, so that the first screen stays within the
 * JavaScript budget. Each path is a deep link that survives a reload (the API answers it with the app).
 * An error no screen handles shows Ruta's error page: within the layout, so that the navigation stays,
 * for any screen; alone, for the sign-in and the layout itself.
 */
export const router = createBrowserRouter([
  {
    path: '/sign-in',
    lazy: () => import('../features/auth/routes/sign-in-page').then((m) => ({ Component: m.SignInPage })),
    errorElement: <ErrorPage standalone />,
  },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <ErrorPage standalone />,
    children: [
      {
        errorElement: <ErrorPage />,
        children: [
          { index: true, lazy: () => import('../features/tasks/routes/inbox-page').then((m) => ({ Component: m.InboxPage })) },
          { path: 'intake', lazy: () => import('../features/identification/routes/intake-page').then((m) => ({ Component: m.IntakePage })) },
          { path: 'cases', lazy: () => import('../features/case/routes/case-list-page').then((m) => ({ Component: m.CaseListPage })) },
          { path: 'cases/:id', lazy: () => import('../features/case/routes/case-page').then((m) => ({ Component: m.CasePage })) },
          { path: 'cases/:id/review', lazy: () => import('../features/case-analysis/routes/review-page').then((m) => ({ Component: m.ReviewPage })) },
          { path: 'shelter', lazy: () => import('../features/referral/routes/shelter-board-page').then((m) => ({ Component: m.ShelterBoardPage })) },
          { path: 'referrals', lazy: () => import('../features/referral/routes/referrals-page').then((m) => ({ Component: m.ReferralsPage })) },
          { path: 'reports', lazy: () => import('../features/reports/routes/reports-page').then((m) => ({ Component: m.ReportsPage })) },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
