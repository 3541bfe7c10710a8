import { registerProblemCodes } from '@ruta/core';

export enum ReportsErrorCode {
  UnknownReport = 'unknown_report',
  InvalidPeriod = 'invalid_period',
}

registerProblemCodes({
  [ReportsErrorCode.UnknownReport]: { es: 'Ese informe no existe', en: 'There is no such report' },
  [ReportsErrorCode.InvalidPeriod]: { es: 'El período de meses no es válido', en: 'The period of months is not valid' },
});
