import type { ApiBody, Schema } from '../../../lib/api/types';

/** The intake request (`POST /cases`) as the contract declares it. */
export type IntakeBody = ApiBody<'/api/v1/cases', 'post'>;
type Victim = IntakeBody['victim'];
type Identification = IntakeBody['identification'];

export type Sex = Victim['sex'];
export type CameToAttention = Identification['cameToAttention'];
export type ExploitationForm = Identification['exploitationForms'][number];
export type DocumentType = Schema<'DocumentDto'>['type'];

/**
 * The intake as the form sends it: the contract's request, except that the sex may still be unchosen
 * (''): it is sent as is, and the API's refusal is shown on the field (PRODUCT.md section 13).
 */
export type IntakeDraftBody = Omit<IntakeBody, 'victim'> & { victim: Omit<Victim, 'sex'> & { sex: Sex | '' } };

