import { LocalizedText } from '../i18n/locale';

/**
 * Titles of the problem codes shared by every module. Modules add theirs with registerProblemCodes()
 * in their *.exception.ts; a code without a title falls back to the HTTP status title. A code has one
 * owner: registering it twice is refused (two modules would otherwise give it whichever title loaded last).
 */
const titles = new Map<string, LocalizedText>();

export function registerProblemCodes(codes: Record<string, LocalizedText>): void {
  for (const [code, text] of Object.entries(codes)) {
    if (titles.has(code)) throw new Error(`Problem code "${code}" is already registered: a code has one owner`);
    titles.set(code, text);
  }
}

export function problemTitle(code: string): LocalizedText | undefined {
  return titles.get(code);
}

/** The shared codes that module services throw (each module's own codes are in its *.exception.ts). */
export enum CommonErrorCode {
  ValidationFailed = 'validation_failed',
  Conflict = 'conflict',
  AlreadyExists = 'already_exists',
  VersionConflict = 'version_conflict',
  ReferenceNotFound = 'reference_not_found',
  InvalidDate = 'invalid_date',
}

registerProblemCodes({
  validation_failed: { es: 'La solicitud no es válida', en: 'The request is not valid' },
  malformed_json: { es: 'El cuerpo de la solicitud no es JSON válido', en: 'The request body is not valid JSON' },
  unsupported_media_type: { es: 'Tipo de contenido no admitido', en: 'Unsupported content type' },
  payload_too_large: { es: 'La solicitud es demasiado grande', en: 'The request is too large' },
  nul_character: { es: 'La solicitud contiene un carácter NUL', en: 'The request contains a NUL character' },
  nesting_too_deep: { es: 'El JSON está anidado demasiado profundo', en: 'The JSON is nested too deeply' },
  body_required: { es: 'Falta el cuerpo de la solicitud', en: 'The request body is missing' },
  body_not_allowed: { es: 'Esta ruta no recibe un cuerpo', en: 'This route takes no request body' },
  unauthenticated: { es: 'Se requiere iniciar sesión', en: 'Authentication is required' },
  invalid_credentials: { es: 'Usuario o contraseña incorrectos', en: 'Wrong username or password' },
  invalid_token: { es: 'El token no es válido o ha expirado', en: 'The token is invalid or has expired' },
  forbidden: { es: 'Su rol no permite esta operación', en: 'Your role does not allow this operation' },
  not_found: { es: 'No encontrado', en: 'Not found' },
  route_not_found: { es: 'La ruta no existe', en: 'The route does not exist' },
  conflict: { es: 'Conflicto con el estado actual', en: 'Conflict with the current state' },
  already_exists: { es: 'El registro ya existe', en: 'The record already exists' },
  version_conflict: {
    es: 'El registro cambió desde que lo leyó; vuelva a cargarlo',
    en: 'The record changed since you read it; reload it',
  },
  precondition_required: {
    es: 'Falta la cabecera If-Match con la versión del registro',
    en: 'The If-Match header with the record version is missing',
  },
  reference_not_found: { es: 'Un registro referido no existe', en: 'A referenced record does not exist' },
  invalid_date: { es: 'Una fecha no es válida', en: 'A date is not valid' },
  constraint_violation: { es: 'La operación viola una regla de los datos', en: 'The operation breaks a data rule' },
  rate_limited: { es: 'Demasiados intentos; espere e intente de nuevo', en: 'Too many attempts; wait and try again' },
  internal_error: { es: 'Error interno del servidor', en: 'Internal server error' },
  service_unavailable: { es: 'Servicio no disponible', en: 'Service unavailable' },
  method_not_allowed: { es: 'Método no permitido', en: 'Method not allowed' },
  idempotency_key_reused: {
    es: 'La clave de idempotencia ya se usó con otra solicitud',
    en: 'The idempotency key was already used with another request',
  },
  idempotency_in_progress: {
    es: 'Una solicitud con esta clave de idempotencia aún está en curso',
    en: 'A request with this idempotency key is still in progress',
  },
  test_clock_disabled: { es: 'El reloj de pruebas no está habilitado', en: 'The test clock is not enabled' },
});

const statusTitles: Record<number, LocalizedText> = {
  400: { es: 'Solicitud incorrecta', en: 'Bad request' },
  401: { es: 'No autenticado', en: 'Unauthorized' },
  403: { es: 'Prohibido', en: 'Forbidden' },
  404: { es: 'No encontrado', en: 'Not found' },
  405: { es: 'Método no permitido', en: 'Method not allowed' },
  409: { es: 'Conflicto', en: 'Conflict' },
  413: { es: 'Contenido demasiado grande', en: 'Payload too large' },
  415: { es: 'Tipo de contenido no admitido', en: 'Unsupported media type' },
  422: { es: 'Solicitud rechazada por una regla', en: 'Request refused by a rule' },
  428: { es: 'Precondición requerida', en: 'Precondition required' },
  429: { es: 'Demasiadas solicitudes', en: 'Too many requests' },
  500: { es: 'Error interno', en: 'Internal error' },
  503: { es: 'Servicio no disponible', en: 'Service unavailable' },
};

export function statusTitle(status: number): LocalizedText {
  return statusTitles[status] ?? { es: 'Error', en: 'Error' };
}
