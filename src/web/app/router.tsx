import { createBrowserRouter } from 'react-router';
import { GuestOnly } from './guards/guest-only.js';
import { RequireAuth } from './guards/require-auth.js';
import { RequireRole } from './guards/require-role.js';
import { AppLayout } from './layout/app-layout.js';
import { AuthLayout } from './layout/auth-layout.js';
import { AppointmentDetailPage } from './routes/appointment-detail-page.js';
import { AppointmentsPage } from './routes/appointments-page.js';
import { AuditPage } from './routes/audit-page.js';
import { AvailabilityPage } from './routes/availability-page.js';
import { BookAppointmentPage } from './routes/book-appointment-page.js';
import { ChangePasswordPage } from './routes/change-password-page.js';
import { ConfirmEmailPage } from './routes/confirm-email-page.js';
import { DashboardPage } from './routes/dashboard-page.js';
import { DoctorDetailPage } from './routes/doctor-detail-page.js';
import { DoctorsPage } from './routes/doctors-page.js';
import { FindDoctorPage } from './routes/find-doctor-page.js';
import { ForgotPasswordPage } from './routes/forgot-password-page.js';
import { HospitalDetailPage } from './routes/hospital-detail-page.js';
import { HospitalsPage } from './routes/hospitals-page.js';
import { LoginPage } from './routes/login-page.js';
import { NotFoundPage } from './routes/not-found-page.js';
import { NotificationsPage } from './routes/notifications-page.js';
import { PatientDetailPage } from './routes/patient-detail-page.js';
import { PatientsPage } from './routes/patients-page.js';
import { PaymentsPage } from './routes/payments-page.js';
import { ProfilePage } from './routes/profile-page.js';
import { ResetPasswordPage } from './routes/reset-password-page.js';
import { RouteErrorPage } from './routes/route-error-page.js';
import { SignupPage } from './routes/signup-page.js';
import { TestDevicesPage } from './routes/test-devices-page.js';
import { TwoFactorPage } from './routes/two-factor-page.js';
import { VideoCallPage } from './routes/video-call-page.js';

const ADMINS = ['super_admin', 'hospital_admin'] as const;
/** Who has an appointments list: the two parties, and the hospital's admins. */
const APPOINTMENT_LISTS = ['hospital_admin', 'doctor', 'patient'] as const;

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
                { path: '/forgot-password', element: <ForgotPasswordPage /> },
              ],
            },
          ],
        },
        {
          // Where mailed links lead: open whether or not someone is signed in in this browser.
          element: <AuthLayout />,
          children: [
            { path: '/reset-password', element: <ResetPasswordPage /> },
            { path: '/confirm-email', element: <ConfirmEmailPage /> },
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
                { path: '/two-factor', element: <TwoFactorPage /> },
                { path: '/profile', element: <ProfilePage /> },
                { path: '/notifications', element: <NotificationsPage /> },
                { path: '/appointments/:appointmentId', element: <AppointmentDetailPage /> },
                { path: '/video-call/test-devices', element: <TestDevicesPage /> },
                {
                  element: <RequireRole roles={['patient', 'doctor']} />,
                  children: [{ path: '/video-call/:appointmentId', element: <VideoCallPage /> }],
                },
                {
                  element: <RequireRole roles={APPOINTMENT_LISTS} />,
                  children: [{ path: '/appointments', element: <AppointmentsPage /> }],
                },
                {
                  element: <RequireRole roles={['patient']} />,
                  children: [
                    { path: '/find-doctor', element: <FindDoctorPage /> },
                    { path: '/book/:doctorId', element: <BookAppointmentPage /> },
                  ],
                },
                {
                  element: <RequireRole roles={['doctor']} />,
                  children: [{ path: '/availability', element: <AvailabilityPage /> }],
                },
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
                    { path: '/doctors/:doctorId/availability', element: <AvailabilityPage /> },
                    { path: '/patients/:patientId', element: <PatientDetailPage /> },
                    { path: '/payments', element: <PaymentsPage /> },
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
