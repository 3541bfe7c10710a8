import { registerProblemCodes } from '@ruta/core';

export enum CareErrorCode {
  NotCareWriter = 'not_care_plan_writer',
  UnsupportedAttachment = 'unsupported_attachment_type',
  AttachmentTooLarge = 'attachment_too_large',
  AttachmentNotFound = 'attachment_not_found',
  AttachmentPartNotFound = 'attachment_part_not_found',
  FileRequired = 'file_required',
  PartNotAllowed = 'attachment_part_not_allowed',
}

registerProblemCodes({
  [CareErrorCode.NotCareWriter]: {
    es: 'Solo el personal de la casa de acogida del caso o la institución líder llevan el plan de atención',
    en: 'Only the staff of the case\'s shelter or the lead agency keep the care plan',
  },
  [CareErrorCode.UnsupportedAttachment]: {
    es: 'Solo se admiten archivos PDF, JPEG o PNG (verificados por su contenido)',
    en: 'Only PDF, JPEG or PNG files are accepted (checked by their content)',
  },
  [CareErrorCode.AttachmentTooLarge]: { es: 'El archivo supera los 10 MB', en: 'The file is larger than 10 MB' },
  [CareErrorCode.AttachmentNotFound]: { es: 'El adjunto no existe', en: 'The attachment does not exist' },
  [CareErrorCode.AttachmentPartNotFound]: { es: 'La parte del caso indicada no existe', en: 'The part of the case does not exist' },
  [CareErrorCode.PartNotAllowed]: {
    es: 'No puede adjuntar archivos a esta parte del caso', en: 'You may not attach files to this part of the case',
  },
  [CareErrorCode.FileRequired]: { es: 'Falta el archivo (campo "file")', en: 'The file is missing (field "file")' },
});
