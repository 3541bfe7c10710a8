import { registerProblemCodes } from '@ruta/core';

export enum AuthErrorCode {
  InvalidCredentials = 'invalid_credentials',
  InvalidToken = 'invalid_token',
  InvalidRefreshToken = 'invalid_refresh_token',
  RouteNotDeclared = 'route_access_not_declared',
  UserNotFound = 'user_not_found',
  WeakPassword = 'weak_password',
  UserScopeInvalid = 'user_scope_invalid',
  InvalidMfa = 'invalid_mfa_code',
  AdminRoleExclusive = 'admin_role_exclusive',
  OwnAccountChange = 'own_account_change',
  PasswordNotChanged = 'password_not_changed',
  CsrfRefused = 'csrf_refused',
  SessionModeInvalid = 'session_mode_invalid',
}

registerProblemCodes({
  [AuthErrorCode.InvalidRefreshToken]: { es: 'La sesión no es válida o ha expirado', en: 'The session is invalid or has expired' },
  [AuthErrorCode.RouteNotDeclared]: {
    es: 'La ruta no declara quién puede usarla y queda denegada',
    en: 'The route does not declare who may use it and is denied',
  },
  [AuthErrorCode.UserNotFound]: { es: 'El usuario no existe', en: 'The user does not exist' },
  [AuthErrorCode.WeakPassword]: {
    es: 'La contraseña debe tener al menos 12 caracteres',
    en: 'The password must have at least 12 characters',
  },
  [AuthErrorCode.InvalidMfa]: { es: 'El código de verificación no es válido', en: 'The verification code is not valid' },
  [AuthErrorCode.AdminRoleExclusive]: {
    es: 'El rol de administración no se combina con ningún otro rol',
    en: 'The admin role cannot be combined with any other role',
  },
  [AuthErrorCode.OwnAccountChange]: {
    es: 'Una persona administradora no puede cambiar sus propios roles, institución, unidad, casa de acogida o contraseña, ni deshabilitarse, desde la gestión de usuarios; otra persona administradora debe hacerlo',
    en: 'An admin cannot change their own roles, agency, unit, shelter or password, nor disable themselves, through user management; another admin must do it',
  },
  [AuthErrorCode.PasswordNotChanged]: {
    es: 'La nueva contraseña debe ser distinta de la contraseña de un solo uso',
    en: 'The new password must differ from the one-time password',
  },
  [AuthErrorCode.CsrfRefused]: {
    es: 'La sesión por cookie solo se acepta desde la propia aplicación web de Ruta',
    en: 'The cookie session is only accepted from Ruta\'s own web app',
  },
  [AuthErrorCode.SessionModeInvalid]: {
    es: 'El encabezado X-Ruta-Session solo admite el valor cookie',
    en: 'The X-Ruta-Session header only accepts the value cookie',
  },
  [AuthErrorCode.UserScopeInvalid]: {
    es: 'Un oficial de migración necesita una unidad y el personal de acogida una casa de acogida',
    en: 'An immigration officer needs a unit and shelter staff need a shelter',
  },
});
