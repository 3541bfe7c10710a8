import { registerProblemCodes } from '@ruta/core';

export enum DirectoryErrorCode {
  AgencyNotFound = 'agency_not_found',
  ShelterNotFound = 'shelter_not_found',
  CapacityBelowOccupancy = 'capacity_below_occupancy',
  InvalidAgeRange = 'invalid_age_range',
  NoProtectionMandate = 'no_protection_mandate',
}

registerProblemCodes({
  [DirectoryErrorCode.AgencyNotFound]: { es: 'La institución no existe', en: 'The agency does not exist' },
  [DirectoryErrorCode.ShelterNotFound]: { es: 'La casa de acogida no existe', en: 'The shelter does not exist' },
  [DirectoryErrorCode.CapacityBelowOccupancy]: {
    es: 'La capacidad no puede ser menor que las plazas ocupadas',
    en: 'Capacity cannot be lower than the places occupied',
  },
  [DirectoryErrorCode.InvalidAgeRange]: { es: 'La edad mínima supera la máxima', en: 'The minimum age exceeds the maximum' },
  [DirectoryErrorCode.NoProtectionMandate]: {
    es: 'Solo una institución con mandato de protección puede liderar un caso',
    en: 'Only an agency with a protection mandate can lead a case',
  },
});
