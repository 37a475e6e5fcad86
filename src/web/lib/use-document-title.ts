import { useEffect } from 'react';

export const APP_NAME = 'Telemedicine';

/** "Doctors · Telemedicine" while the page is shown. */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
