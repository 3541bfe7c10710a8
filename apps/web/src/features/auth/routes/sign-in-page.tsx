import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import { choosePassword, signIn, verifyMfa, type SignInStep } from '../../../lib/session/session';
import { useSession } from '../../../lib/session/use-session';

type Step = { kind: 'credentials' } | Exclude<SignInStep, { kind: 'signedIn' }>;

/** Username and password, then the second factor or a new password when the API asks for one. */
export function SignInPage() {
  const { t } = useTranslation('auth');
  const state = useSession();
  const [params] = useSearchParams();
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  if (state.status === 'signedIn') return <Navigate to={target} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result =
        step.kind === 'credentials' ? await signIn(username, password)
        : step.kind === 'mfa' ? await verifyMfa(step.mfaToken, code)
        : await choosePassword(step.passwordChangeToken, newPassword);
      if (result.kind !== 'signedIn') setStep(result);
    } catch (err) {
      setError((err as Error).message || t('failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%" component="main">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">{t('title')}</Title>
            <LanguageSwitch long />
            {params.get('expired') && <Alert color="yellow" title={t('expired.title')}>{t('expired.text')}</Alert>}
            {error && <Alert color="red" role="alert" title={t('failed')}>{error}</Alert>}
            {step.kind === 'credentials' && (
              <>
                <TextInput label={t('username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoComplete="username" required autoFocus />
                <PasswordInput label={t('password')} visibilityToggleButtonProps={{ 'aria-label': t('togglePassword') }} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" required />
              </>
            )}
            {step.kind === 'mfa' && (
              <TextInput label={t('mfaCode')} description={t('mfaHelp')} value={code} onChange={(e) => setCode(e.currentTarget.value)} autoComplete="one-time-code" inputMode="numeric" required autoFocus />
            )}
            {step.kind === 'passwordChange' && (
              <PasswordInput label={t('newPassword')} visibilityToggleButtonProps={{ 'aria-label': t('togglePassword') }} description={t('newPasswordHelp')} value={newPassword} onChange={(e) => setNewPassword(e.currentTarget.value)} autoComplete="new-password" required autoFocus />
            )}
            <Button type="submit" loading={busy}>{t(step.kind === 'credentials' ? 'submit' : 'continue')}</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
