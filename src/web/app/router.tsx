import { createBrowserRouter } from 'react-router';
import { AuditPage } from '../features/audit/pages/audit-page.js';
import { ChangePasswordPage } from '../features/auth/pages/change-password-page.js';
import { LoginPage } from '../features/auth/pages/login-page.js';
import { SignupPage } from '../features/auth/pages/signup-page.js';
import { DashboardPage } from '../features/dashboard/pages/dashboard-page.js';
import { DoctorDetailPage } from '../features/doctors/pages/doctor-detail-page.js';
import { DoctorsPage } from '../features/doctors/pages/doctors-page.js';
import { HospitalsPage } from '../features/hospitals/pages/hospitals-page.js';
import { PatientDetailPage } from '../features/patients/pages/patient-detail-page.js';
import { PatientsPage } from '../features/patients/pages/patients-page.js';
import { ProfilePage } from '../features/profile/pages/profile-page.js';
import { GuestOnly } from './guards/guest-only.js';
import { RequireAuth } from './guards/require-auth.js';
import { RequireRole } from './guards/require-role.js';
import { AppLayout } from './layout/app-layout.js';
import { AuthLayout } from './layout/auth-layout.js';
import { HospitalDetailPage } from './routes/hospital-detail-page.js';
import { NotFoundPage } from './routes/not-found-page.js';
import { RouteErrorPage } from './routes/route-error-page.js';

const ADMINS = ['super_admin', 'hospital_admin'] as const;

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      children: [
        {
          element: <GuestOnly />,
          children: [
            {
              element: <AuthLayout />,
              children: [
                { path: '/login', element: <LoginPage /> },
                { path: '/signup', element: <SignupPage /> },
              ],
            },
          ],
        },
        {
          element: <RequireAuth />,
          children: [
            {
              element: <AppLayout />,
              children: [
                { index: true, element: <DashboardPage /> },
                { path: '/change-password', element: <ChangePasswordPage /> },
                { path: '/profile', element: <ProfilePage /> },
                {
                  element: <RequireRole roles={['super_admin']} />,
                  children: [{ path: '/hospitals', element: <HospitalsPage /> }],
                },
                {
                  element: <RequireRole roles={['hospital_admin']} />,
                  children: [
                    { path: '/doctors', element: <DoctorsPage /> },
                    { path: '/patients', element: <PatientsPage /> },
                  ],
                },
                {
                  element: <RequireRole roles={ADMINS} />,
                  children: [
                    { path: '/hospitals/:hospitalId', element: <HospitalDetailPage /> },
                    { path: '/doctors/:doctorId', element: <DoctorDetailPage /> },
                    { path: '/patients/:patientId', element: <PatientDetailPage /> },
                    { path: '/audit', element: <AuditPage /> },
                  ],
                },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
