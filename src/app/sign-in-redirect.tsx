import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { endSession } from '../features/auth/api/sign-out';
import { signInPath } from '../features/auth/next-path';

/** The session ended on the server: forget it here and sign in again, coming back after. */
export function SignInRedirect() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    endSession(queryClient);
    void navigate(signInPath(location), { replace: true });
  }, [queryClient, navigate, location]);
  return null;
}
