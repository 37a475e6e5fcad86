import { createBrowserRouter } from 'react-router';
import { AppointmentsPage } from '../features/appointments/pages/appointments-page.js';
import { BookAppointmentPage } from '../features/appointments/pages/book-appointment-page.js';
import { FindDoctorPage } from '../features/appointments/pages/find-doctor-page.js';
import { AuditPage } from '../features/audit/pages/audit-page.js';
import { ChangePasswordPage } from '../features/auth/pages/change-password-page.js';
import { LoginPage } from '../features/auth/pages/login-page.js';
import { SignupPage } from '../features/auth/pages/signup-page.js';
import { DashboardPage } from '../features/dashboard/pages/dashboard-page.js';
import { DoctorDetailPage } from '../features/doctors/pages/doctor-detail-page.js';
import { DoctorsPage } from '../features/doctors/pages/doctors-page.js';
import { AvailabilityPage } from '../features/availability/pages/availability-page.js';
import { HospitalsPage } from '../features/hospitals/pages/hospitals-page.js';
import { NotificationsPage } from '../features/notifications/pages/notifications-page.js';
import { PaymentsPage } from '../features/payments/pages/payments-page.js';
import { PatientDetailPage } from '../features/patients/pages/patient-detail-page.js';
import { PatientsPage } from '../features/patients/pages/patients-page.js';
import { ProfilePage } from '../features/profile/pages/profile-page.js';
import { GuestOnly } from './guards/guest-only.js';
import { RequireAuth } from './guards/require-auth.js';
import { RequireRole } from './guards/require-role.js';
import { AppLayout } from './layout/app-layout.js';
import { AuthLayout } from './layout/auth-layout.js';
import { AppointmentDetailPage } from './routes/appointment-detail-page.js';
import { VideoCallPage } from './routes/video-call-page.js';
import { TestDevicesPage } from '../features/calls/pages/test-devices-page.js';
import { HospitalDetailPage } from './routes/hospital-detail-page.js';
import { NotFoundPage } from './routes/not-found-page.js';
import { RouteErrorPage } from './routes/route-error-page.js';

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
