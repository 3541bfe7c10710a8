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
  [AuthErrorCode.UserScopeInvalid]: {
    es: 'Un oficial de migración necesita una unidad y el personal de acogida una casa de acogida',
    en: 'An immigration officer needs a unit and shelter staff need a shelter',
  },
});
